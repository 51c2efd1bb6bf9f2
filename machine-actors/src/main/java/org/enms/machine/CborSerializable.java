package org.enms.machine;

/**
 * Marker for every message that may cross the cluster: the machine entity's protocol and replies.
 * Bound to Jackson CBOR in this module's {@code reference.conf}, so adding the marker is all a new
 * message needs.
 */
public interface CborSerializable {}
