package com.ramparts.soc.incident.search;

import com.ramparts.soc.config.SocProperties;
import com.ramparts.soc.incident.IncidentDocument;
import com.ramparts.soc.incident.Incidents;
import com.ramparts.soc.lifecycle.LoopThread;
import com.ramparts.soc.lifecycle.StoppableLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the incidents index up to date. {@link #changed(long)} (called after each committed change) marks an incident;
 * a background thread reads marked incidents back from SQL, a batch at a time, and writes them. A write OpenSearch
 * refused or could not take is tried again after {@code retry-backoff}; marks survive until written, and a burst of
 * changes to one incident is one write. At start, a missing index is created and filled from SQL.
 */
public class IncidentIndexer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IncidentIndexer.class);
    private static final int BATCH = 500;
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration LINGER = Duration.ofMillis(200);

    private final Incidents incidents;
    private final IncidentIndex index;
    private final SocProperties.IncidentSearch settings;
    private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private volatile boolean prepared;
    private volatile long rebuilt = -1;
    private LoopThread running;

    public IncidentIndexer(Incidents incidents, IncidentIndex index, SocProperties.IncidentSearch settings) {
        this.incidents = incidents;
        this.index = index;
        this.settings = settings;
    }

    /** Marks an incident for writing. Cheap; called after every committed change. */
    public void changed(long incidentId) {
        dirty.add(incidentId);
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Incidents written by the last rebuild, -1 if none ran. */
    public long rebuilt() {
        return rebuilt;
    }

    /** Whether the index was found or made, and nothing waits to be written. */
    public boolean idle() {
        return prepared && dirty.isEmpty();
    }

    /** Creates the index and fills it from SQL when it is missing; true if it did. */
    boolean prepare() throws IOException {
        index.applyTemplate();
        if (index.exists()) {
            return false;
        }
        if (!index.create()) {
            return false; // another instance made it, and fills it
        }
        log.info("The incidents index {} was missing: created it, filling it from SQL", index.name());
        long count = 0;
        long after = 0;
        while (true) {
            List<Long> ids = incidents.ids(after, BATCH);
            if (ids.isEmpty()) {
                break;
            }
            List<IncidentDocument> documents = ids.stream().map(incidents::document).flatMap(Optional::stream).toList();
            IncidentIndex.Written written = index.write(documents, List.of());
            if (!written.failed().isEmpty()) {
                dirty.addAll(written.failed());
            }
            count += documents.size();
            after = ids.getLast();
        }
        index.refresh();
        rebuilt = count;
        log.info("Filled the incidents index {} with {} incidents", index.name(), count);
        return true;
    }

    /** Writes up to one batch of marked incidents; true if it wrote anything. */
    boolean flush() throws IOException {
        List<Long> batch = new ArrayList<>();
        Iterator<Long> marked = dirty.iterator();
        while (marked.hasNext() && batch.size() < BATCH) {
            batch.add(marked.next());
        }
        if (batch.isEmpty()) {
            return false;
        }
        batch.forEach(dirty::remove);
        try {
            List<IncidentDocument> documents = new ArrayList<>();
            List<Long> deleted = new ArrayList<>();
            for (Long id : batch) {
                incidents.document(id).ifPresentOrElse(documents::add, () -> deleted.add(id));
            }
            IncidentIndex.Written written = index.write(documents, deleted);
            if (!written.failed().isEmpty()) {
                dirty.addAll(written.failed());
                log.warn("OpenSearch refused {} incident documents; trying them again", written.failed().size());
            }
            return true;
        } catch (IOException | RuntimeException e) {
            dirty.addAll(batch);
            throw e;
        }
    }

    private final class Loop implements StoppableLoop {
        private final CountDownLatch stopping = new CountDownLatch(1);

        @Override
        public void stop() {
            stopping.countDown();
            synchronized (signal) {
                signal.notifyAll();
            }
        }

        @Override
        public void run() {
            while (stopping.getCount() > 0) {
                try {
                    if (!prepared) {
                        prepare();
                        prepared = true;
                    }
                    if (flush()) {
                        // linger: an incident taking a burst of alerts is then written once per linger, not per alert
                        if (stopping.await(LINGER.toMillis(), TimeUnit.MILLISECONDS)) {
                            return;
                        }
                    } else {
                        synchronized (signal) {
                            if (dirty.isEmpty() && stopping.getCount() > 0) {
                                signal.wait(1_000);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (IOException | RuntimeException e) {
                    log.warn("Cannot write incidents to OpenSearch index {} ({}); trying again in {}", index.name(),
                            e.toString(), settings.retryBackoff());
                    try {
                        if (stopping.await(settings.retryBackoff().toMillis(), TimeUnit.MILLISECONDS)) {
                            return;
                        }
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running == null) {
            running = LoopThread.start("ramparts-incident-index", new Loop());
        }
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop(STOP_GRACE);
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }
}
