/**
 * YAML with hard limits (size, nesting, aliases, node count) read into a small tree that remembers
 * line and column, so every later stage can say exactly where a rule is wrong.
 *
 * <p>Uses SnakeYAML Engine only; used by every stage that reads rule or mapping files.
 */
package com.ramparts.detection.yaml;
