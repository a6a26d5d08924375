package frame.server.error;

/** An HTTP answer other than success: a status, a stable code and a message for people. */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String code;

  public ApiError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public static ApiError badRequest(String code, String message) {
    return new ApiError(400, code, message);
  }

  public static ApiError notFound(String message) {
    return new ApiError(404, "not_found", message);
  }
}
