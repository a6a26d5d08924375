package frame.server.localsend;

/** What FRAME answers an upload request: 200, or a refusal with its reason. */
record Answer(int status, String message) {
  static final Answer OK = new Answer(200, null);

  static Answer refused(int status, String message) {
    return new Answer(status, message);
  }

  boolean ok() {
    return status == 200;
  }
}
