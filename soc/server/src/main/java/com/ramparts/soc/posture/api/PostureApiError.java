package com.ramparts.soc.posture.api;

/** The body of every refused posture request: a stable code for programs, a message for people. */
public record PostureApiError(String code, String message) {
}
