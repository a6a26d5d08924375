package frame.core.api.events;

import frame.core.api.library.ImageState;
import frame.core.api.jobs.JobState;
import frame.core.api.jobs.JobType;

/** A state change the UI and the server show live. */
public sealed interface FrameEvent {
  record ImageChanged(long imageId, ImageState state) implements FrameEvent {}

  /** A photo's stars, flag, label, stack or sharpness changed; read them with {@code Culling.marks}. */
  record ImageMarked(long imageId) implements FrameEvent {}

  record JobChanged(long jobId, Long imageId, JobType type, JobState state) implements FrameEvent {}
}
