package io.github.camelpreservica.simulator;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/** {@code /api/accesstoken/login}, {@code /complete-2fa} and {@code /refresh}. */
final class AuthEndpoints {

    private final AccessTokens tokens;

    AuthEndpoints(AccessTokens tokens) {
        this.tokens = tokens;
    }

    void handle(HttpExchange exchange, String method, String path, Map<String, String> form) throws IOException {
        if (!"POST".equals(method)) {
            HttpExchanges.sendError(exchange, 405, method + " is not allowed on " + path + ": use POST");
            return;
        }
        switch (path) {
            case "/api/accesstoken/login" -> login(exchange, form);
            case "/api/accesstoken/complete-2fa" -> completeTwoFactor(exchange, form);
            case "/api/accesstoken/refresh" -> refresh(exchange, form);
            default -> HttpExchanges.sendError(exchange, 404, "No such endpoint: " + path);
        }
    }

    private void login(HttpExchange exchange, Map<String, String> form) throws IOException {
        String userName = form.get("username");
        String tenant = form.get("tenant");
        AccessTokens.LoginResult result = tokens.login(userName, form.get("password"), tenant);
        if (result.grant() != null) {
            HttpExchanges.sendJson(exchange, 200, grantJson(result.grant()));
        } else if (result.continuationToken() != null) {
            // not 200: pyPreservica only looks for needs.2fa in a failed login answer
            ObjectNode answer = HttpExchanges.JSON.createObjectNode();
            answer.put("success", false);
            answer.put("message", "needs.2fa");
            answer.put("continuationToken", result.continuationToken());
            answer.put("tenant", result.user().tenant());
            HttpExchanges.sendJson(exchange, 401, answer);
        } else {
            HttpExchanges.sendError(exchange, 401, "Invalid credentials for user '" + userName + "'"
                    + (tenant != null ? " on tenant '" + tenant + "'" : ""));
        }
    }

    private void completeTwoFactor(HttpExchange exchange, Map<String, String> form) throws IOException {
        AccessTokens.Grant grant = tokens.completeTwoFactor(form.get("username"), form.get("continuationToken"),
                form.get("tenant"), form.get("twoFactorToken"));
        if (grant == null) {
            HttpExchanges.sendError(exchange, 401, "Two-factor login failed for user '" + form.get("username")
                    + "': wrong or expired code or continuation token");
            return;
        }
        HttpExchanges.sendJson(exchange, 200, grantJson(grant));
    }

    private void refresh(HttpExchange exchange, Map<String, String> form) throws IOException {
        AccessTokens.Grant grant = tokens.refresh(form.get("refreshToken"));
        if (grant == null) {
            HttpExchanges.sendError(exchange, 401, "The refresh token is unknown, expired or already used");
            return;
        }
        HttpExchanges.sendJson(exchange, 200, grantJson(grant));
    }

    private static ObjectNode grantJson(AccessTokens.Grant grant) {
        ObjectNode answer = HttpExchanges.JSON.createObjectNode();
        answer.put("success", true);
        answer.put("token", grant.token());
        answer.put("refresh-token", grant.refreshToken());
        answer.put("validFor", grant.validForMinutes());
        answer.put("user", grant.user().userName());
        answer.put("tenant", grant.user().tenant());
        return answer;
    }
}
