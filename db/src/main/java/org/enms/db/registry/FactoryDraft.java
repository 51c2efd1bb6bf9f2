package org.enms.db.registry;

/**
 * What a caller sets on a factory; {@code name} is its natural key.
 *
 * @param timezone IANA zone id used for local-day reporting
 */
public record FactoryDraft(String name, String location, String timezone) {}
