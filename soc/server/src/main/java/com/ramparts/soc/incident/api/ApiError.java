package com.ramparts.soc.incident.api;

/** The body of every refused request: a stable code for programs, a message for people. */
public record ApiError(String code, String message) {
}
