package org.embex.server;

/** A request answered with an error: its HTTP status and one line that says what and where. */
final class ApiError extends RuntimeException {

    private final int status;
    private final String type;

    ApiError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, "invalid_request_error", message);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found_error", message);
    }

    int status() {
        return status;
    }

    /** The error's kind, as OpenAI's API names them, so its clients read it. */
    String type() {
        return type;
    }
}
