package com.ramparts.agent.input.syslog;

import com.ramparts.agent.config.SyslogInputConfig;
import com.ramparts.agent.input.Input;
import com.ramparts.agent.input.InputRecord;
import com.ramparts.agent.parse.RawRecord;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code syslog} input: a UDP socket, a TCP server socket, or both. Receiving threads only
 * frame and queue; header parsing happens on the pipeline worker. The queue is bounded: when it
 * is full a UDP message is dropped and counted (UDP cannot push back), while a TCP connection
 * waits, which TCP turns into backpressure on the sender. Live, not replayable.
 */
public final class SyslogInput implements Input {

    private static final Logger log = LoggerFactory.getLogger(SyslogInput.class);
    private static final int UDP_RECEIVE_BUFFER = 4 << 20;

    private final SyslogInputConfig config;
    private final LongConsumer dropped;
    private final SyslogHeaderParser headerParser;
    private final BlockingQueue<InputRecord> queue;
    private final Semaphore connectionSlots;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private volatile boolean running;
    private volatile long lastDropLogNanos;
    private DatagramChannel udp;
    private ServerSocket tcp;

    /** @param dropped told how many messages were dropped because the queue was full (or at shutdown) */
    public SyslogInput(SyslogInputConfig config, LongConsumer dropped) {
        this.config = config;
        this.dropped = dropped;
        this.headerParser = new SyslogHeaderParser(config.timezone());
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.connectionSlots = new Semaphore(config.maxConnections());
    }

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public boolean replayable() {
        return false;
    }

    @Override
    public void start(String state) throws IOException {
        running = true;
        try {
            if (config.udpPort() >= 0) {
                udp = DatagramChannel.open();
                udp.setOption(StandardSocketOptions.SO_RCVBUF, UDP_RECEIVE_BUFFER);
                udp.bind(new InetSocketAddress(config.host(), config.udpPort()));
                threads.add(Thread.ofPlatform().daemon().name("syslog-udp-" + config.id()).start(this::receiveUdp));
            }
            if (config.tcpPort() >= 0) {
                tcp = new ServerSocket();
                tcp.setReuseAddress(true);
                tcp.bind(new InetSocketAddress(config.host(), config.tcpPort()), 128);
                threads.add(Thread.ofPlatform().daemon().name("syslog-tcp-" + config.id()).start(this::acceptTcp));
            }
        } catch (IOException e) {
            close();
            throw new IOException("syslog input " + config.id() + " cannot listen on " + config.host() + " (udp "
                    + config.udpPort() + ", tcp " + config.tcpPort() + "): " + e.getMessage(), e);
        }
        log.info("event=syslog_listening input={} host={} udp_port={} tcp_port={}", config.id(), config.host(),
                udpPort(), tcpPort());
    }

    /** The bound UDP port, -1 if none. */
    public int udpPort() {
        try {
            return udp == null ? -1 : ((InetSocketAddress) udp.getLocalAddress()).getPort();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The bound TCP port, -1 if none. */
    public int tcpPort() {
        return tcp == null ? -1 : tcp.getLocalPort();
    }

    private void receiveUdp() {
        ByteBuffer buffer = ByteBuffer.allocate(65_536);
        while (running) {
            try {
                buffer.clear();
                SocketAddress from = udp.receive(buffer);
                int length = buffer.position();
                boolean truncated = length > config.maxMessageBytes();
                length = trimEnd(buffer.array(), Math.min(length, config.maxMessageBytes()));
                if (length > 0 && !queue.offer(record(buffer.array(), length, truncated, "udp", from))) {
                    queueFull();
                }
            } catch (IOException e) {
                if (running) {
                    log.warn("event=syslog_udp_error input={} error=\"{}\"", config.id(), e.toString());
                }
            }
        }
    }

    private void acceptTcp() {
        while (running) {
            Socket socket;
            try {
                socket = tcp.accept();
            } catch (IOException e) {
                if (running) {
                    log.warn("event=syslog_accept_error input={} error=\"{}\"", config.id(), e.toString());
                }
                continue;
            }
            if (!connectionSlots.tryAcquire()) {
                log.warn("event=syslog_connection_refused input={} peer={} reason=max_connections_{}", config.id(),
                        socket.getRemoteSocketAddress(), config.maxConnections());
                closeQuietly(socket);
                continue;
            }
            connections.add(socket);
            Thread.ofVirtual().name("syslog-conn-" + config.id()).start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        SocketAddress peer = socket.getRemoteSocketAddress();
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024)) {
            FrameReader frames = new FrameReader(in, config.maxMessageBytes());
            FrameReader.Frame frame;
            while (running && (frame = frames.next()) != null) {
                int length = trimEnd(frame.bytes(), frame.length());
                if (length == 0) {
                    continue;
                }
                InputRecord record = record(frame.bytes(), length, frame.truncated(), "tcp", peer);
                while (running && !queue.offer(record, 200, TimeUnit.MILLISECONDS)) {
                    // full: not reading from the socket is what slows the sender down
                }
            }
        } catch (IOException e) {
            if (running) {
                log.debug("event=syslog_connection_closed input={} peer={} error=\"{}\"", config.id(), peer,
                        e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
            connectionSlots.release();
        }
    }

    private InputRecord record(byte[] bytes, int length, boolean truncated, String transport, SocketAddress from) {
        String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
        Instant now = Instant.now();
        String peer = from instanceof InetSocketAddress address
                ? address.getAddress().getHostAddress() + ":" + address.getPort() : String.valueOf(from);
        RawRecord raw = new RawRecord(text, now, transport + "://" + peer, truncated);
        return new InputRecord.Raw(raw, new SyslogFields(headerParser, text, now, peer));
    }

    /** Without trailing LF, CR and NUL, which some senders append. */
    private static int trimEnd(byte[] bytes, int length) {
        int end = length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r' || bytes[end - 1] == 0)) {
            end--;
        }
        return end;
    }

    private void queueFull() {
        dropped.accept(1);
        droppedSinceLog.incrementAndGet();
        long now = System.nanoTime();
        if (now - lastDropLogNanos > TimeUnit.SECONDS.toNanos(10)) {
            lastDropLogNanos = now;
            log.warn("event=syslog_queue_full input={} queue={} dropped_since_last_log={}", config.id(),
                    config.queueCapacity(), droppedSinceLog.getAndSet(0));
        }
    }

    @Override
    public List<InputRecord> poll(int maxRecords, Duration maxWait) throws InterruptedException {
        InputRecord first = queue.poll(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<InputRecord> records = new ArrayList<>(Math.min(maxRecords, queue.size() + 1));
        records.add(first);
        queue.drainTo(records, maxRecords - 1);
        return records;
    }

    @Override
    public String state() {
        return null;
    }

    @Override
    public void close() {
        running = false;
        try {
            if (udp != null) {
                udp.close();
            }
            if (tcp != null) {
                tcp.close();
            }
        } catch (IOException e) {
            log.debug("event=syslog_close_failed input={} error=\"{}\"", config.id(), e.toString());
        }
        connections.forEach(SyslogInput::closeQuietly);
        for (Thread thread : threads) {
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int unpolled = queue.size();
        if (unpolled > 0) {
            dropped.accept(unpolled);
            log.warn("event=syslog_stopped_with_queued_messages input={} dropped={}", config.id(), unpolled);
            queue.clear();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
