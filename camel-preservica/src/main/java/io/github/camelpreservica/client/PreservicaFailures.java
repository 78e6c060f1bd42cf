package io.github.camelpreservica.client;

import java.net.http.HttpResponse;

/** Turns an unwanted answer into the exception of the client's hierarchy that names its cause. */
final class PreservicaFailures {

    private final AccessTokenSession session;

    PreservicaFailures(AccessTokenSession session) {
        this.session = session;
    }

    /**
     * @param notFoundSubject what a 404 means was not found ("asset 'x'"), or null to report it like other statuses
     */
    PreservicaException forStatus(PreservicaRequest request, HttpResponse<?> response, String notFoundSubject) {
        int status = response.statusCode();
        String excerpt = PreservicaHttp.excerpt(response);
        if (status == 401) {
            return new PreservicaAuthenticationException("Preservica rejected a fresh access token of "
                    + session.describeUser() + " for " + request.describe() + " (401): " + excerpt, status);
        }
        if (status == 403) {
            return new PreservicaAccessDeniedException("Preservica denied " + session.describeUser() + " access to "
                    + request.describe() + " (403): " + excerpt, status);
        }
        if (status == 404 && notFoundSubject != null) {
            return new PreservicaNotFoundException("Preservica has no " + notFoundSubject + " ("
                    + request.describe() + " answered 404)", status);
        }
        // includes a 404 nobody expected: then it is a server problem
        return new PreservicaServerException(request.describe() + " answered " + status + ": " + excerpt, status);
    }

    PreservicaServerException unexpectedAnswer(PreservicaRequest request, String what) {
        return new PreservicaServerException(request.describe() + " answered with " + what, 200);
    }
}
