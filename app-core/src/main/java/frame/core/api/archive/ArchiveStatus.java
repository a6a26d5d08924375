package frame.core.api.archive;

import java.util.List;

/**
 * The archive at a glance: its targets, how many photos exist in one place only (no verified copy
 * anywhere else), and what to do about it while there are any.
 */
public record ArchiveStatus(List<ArchiveTarget> targets, long photos, long stored, long onePlaceOnly,
    String advice) {}
