package frame.server.dto;

import java.util.List;

/** A page of a longer list: the items, the total, and how it was asked for. */
public record Page<T>(List<T> items, long total, int limit, int offset) {}
