package org.enms.core.plant;

import java.util.UUID;

/** A site. {@code timezone} is an IANA zone id used for local-day reporting. */
public record Factory(UUID id, String name, String location, String timezone) {}
