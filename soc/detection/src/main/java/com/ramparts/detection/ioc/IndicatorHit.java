package com.ramparts.detection.ioc;

/**
 * An indicator found in an event.
 *
 * @param field    the ECS field it was found in ({@code destination.ip})
 * @param observed the field's value as the event had it
 */
public record IndicatorHit(Indicator indicator, String field, String observed) {
}
