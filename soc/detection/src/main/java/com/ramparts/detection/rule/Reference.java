package com.ramparts.detection.rule;

import com.ramparts.detection.yaml.Position;

/** A reference to another rule by id or name, and where it is written. */
public record Reference(String target, Position position) {
}
