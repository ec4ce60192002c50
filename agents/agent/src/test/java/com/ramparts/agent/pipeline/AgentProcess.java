package com.ramparts.agent.pipeline;

import com.ramparts.agent.config.AgentConfig;
import com.ramparts.agent.config.ConfigLoader;
import com.ramparts.agent.testing.LineParser;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** The agent as its own process, with the test parser: for tests that kill it with SIGKILL. */
public final class AgentProcess {

    private AgentProcess() {
    }

    public static void main(String[] args) throws Exception {
        AgentConfig config = new ConfigLoader(format -> LineParser.lookup(format) != null).load(Path.of(args[0]));
        AtomicReference<Agent> agent = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (agent) {
                if (agent.get() != null) {
                    agent.get().close();
                }
            }
            stopped.countDown();
        }));
        synchronized (agent) {
            agent.set(Agent.start(config, LineParser::lookup, "test"));
        }
        stopped.await();
    }
}
