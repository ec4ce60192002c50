package com.ramparts.agent.simulate;

import java.time.Instant;

/** Writes the next raw line a product would write at {@code now}. */
interface LineGenerator {

    String next(Instant now);
}
