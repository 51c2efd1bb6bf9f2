package org.enms.simulator.http;

/** Error body, FastAPI style: {@code {"detail": "..."}}. */
public record ErrorDetail(String detail) {}
