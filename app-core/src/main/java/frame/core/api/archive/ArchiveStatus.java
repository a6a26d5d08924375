package frame.core.api.archive;

import java.util.List;

/**
 * The archive at a glance. A photo's places are its local original (while it is there and no
 * scrub found it damaged) and each place holding a verified copy; two targets on one folder or on
 * overlapping keys of one bucket are one place.
 *
 * @param onePlaceOnly photos in exactly one place: {@code waitingForCopy}, {@code copyFailed},
 *     {@code archiveOnly}, {@code notArchived}, and with no target at all every photo on this computer
 * @param waitingForCopy only on this computer, with an archive copy queued or still to be queued
 * @param archiveOnly only in one place of the archive: the local original was freed
 * @param noGoodCopy in no place at all: the local original is freed or damaged and no copy is left
 * @param notArchived processing FAILED, so never archived: on this computer only
 * @param copyFailed only on this computer, and the copy job failed for good
 * @param samePlace targets that are one place (made before FRAME refused them), by name
 * @param advice what to do, one line per kind of photo short of places; null when there is none
 */
public record ArchiveStatus(List<ArchiveTarget> targets, long photos, long stored, long onePlaceOnly,
    long waitingForCopy, long archiveOnly, long noGoodCopy, long notArchived, long copyFailed,
    List<List<String>> samePlace, String advice) {}
