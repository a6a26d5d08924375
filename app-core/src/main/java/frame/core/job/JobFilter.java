package frame.core.job;

import frame.core.api.jobs.JobQuery;
import java.util.ArrayList;
import java.util.List;

/** The WHERE clause and its parameters for a job listing's state, type and image filters. */
record JobFilter(String where, List<Object> params) {
  static JobFilter of(JobQuery query) {
    return of(query, "");
  }

  /** {@code table} qualifies the columns ({@code "j."}) when the job table is joined to another. */
  static JobFilter of(JobQuery query, String table) {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (query.state() != null) {
      conditions.add(table + "state = ?");
      params.add(query.state());
    }
    if (query.type() != null) {
      conditions.add(table + "type = ?");
      params.add(query.type());
    }
    if (query.imageId() != null) {
      conditions.add(table + "image_id = ?");
      params.add(query.imageId());
    }
    return new JobFilter(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
  }
}
