package org.integrationhub.sandbox.slack;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's Web API methods the hub calls: {@code auth.test} and {@code chat.postMessage}. Tokens
 * come as {@code Authorization: Bearer} or, in form and query arguments, as {@code token}. Every
 * answer is HTTP 200 with {@code ok}; failures carry {@code error} ({@code not_authed},
 * {@code invalid_auth}, {@code token_expired}, {@code missing_scope}, {@code channel_not_found},
 * {@code no_text}, {@code invalid_blocks}, {@code invalid_json}). Rate limiting (429 with
 * {@code Retry-After}) is played by the sandbox's fault filter.
 */
@RestController
class SlackApiController {

    private static final Set<String> WRITE_SCOPES = Set.of("chat:write", "chat:write:bot", "chat:write:user");

    private final SlackApp app;
    private final SlackTokens tokens;
    private final SlackMessages messages;
    private final JsonMapper mapper;

    SlackApiController(SlackApp app, SlackTokens tokens, SlackMessages messages, JsonMapper mapper) {
        this.app = app;
        this.tokens = tokens;
        this.messages = messages;
        this.mapper = mapper;
    }

    @RequestMapping(path = "/slack/api/auth.test", method = {RequestMethod.GET, RequestMethod.POST})
    Mono<ResponseEntity<Map<String, Object>>> authTest(ServerWebExchange exchange) {
        return SlackRequests.read(exchange, mapper).map(call -> {
            SlackTokens.Authentication auth = tokens.authenticate(call.token());
            if (auth.caller() == null) {
                return answer(error(auth.error()));
            }
            SlackTokens.Caller caller = auth.caller();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", true);
            answer.put("url", app.workspaceUrl());
            answer.put("team", app.teamName());
            answer.put("user", caller.bot() ? SlackApp.BOT_NAME
                    : app.person(caller.userId()).map(SlackApp::username).orElse(caller.userId()));
            answer.put("team_id", app.teamId());
            answer.put("user_id", caller.bot() ? SlackApp.BOT_USER_ID : caller.userId());
            if (caller.bot()) {
                answer.put("bot_id", SlackApp.BOT_ID);
            }
            answer.put("is_enterprise_install", false);
            return answer(answer, caller);
        });
    }

    @PostMapping("/slack/api/chat.postMessage")
    Mono<ResponseEntity<Map<String, Object>>> postMessage(ServerWebExchange exchange) {
        return SlackRequests.read(exchange, mapper).map(call -> {
            if (call.invalidJson()) {
                return answer(error("invalid_json"));
            }
            SlackTokens.Authentication auth = tokens.authenticate(call.token());
            if (auth.caller() == null) {
                return answer(error(auth.error()));
            }
            SlackTokens.Caller caller = auth.caller();
            if (Arrays.stream(caller.scope().split(",")).noneMatch(WRITE_SCOPES::contains)) {
                Map<String, Object> missing = error("missing_scope");
                missing.put("needed", "chat:write");
                missing.put("provided", caller.scope());
                return answer(missing, caller);
            }
            String channel = call.text("channel");
            if (channel == null || channel.isBlank()) {
                return answer(error("channel_not_found"), caller);
            }
            JsonNode blocks = null;
            Object rawBlocks = call.args().get("blocks");
            if (rawBlocks != null && !(rawBlocks instanceof String text && text.isBlank())) {
                blocks = blocks(rawBlocks);
                if (blocks == null) {
                    return answer(error("invalid_blocks"), caller);
                }
            }
            String text = call.text("text");
            boolean attachments = call.args().get("attachments") != null;
            if ((text == null || text.isEmpty()) && (blocks == null || blocks.isEmpty()) && !attachments) {
                return answer(error("no_text"), caller);
            }
            SlackMessages.Message message = messages.post(channel, text == null ? "" : text, blocks,
                    caller.bot() ? SlackApp.BOT_USER_ID : caller.userId(), caller.bot() ? SlackApp.BOT_ID : null, call.text("thread_ts"));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("ok", true);
            answer.put("channel", message.channel());
            answer.put("ts", message.ts());
            answer.put("message", messageJson(message));
            return answer(answer, caller);
        });
    }

    Map<String, Object> messageJson(SlackMessages.Message message) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("user", message.user());
        json.put("type", "message");
        json.put("ts", message.ts());
        if (message.botId() != null) {
            json.put("bot_id", message.botId());
            json.put("app_id", SlackApp.APP_ID);
        }
        json.put("text", message.text());
        json.put("team", app.teamId());
        if (message.blocks() != null) {
            json.put("blocks", message.blocks());
        }
        if (message.threadTs() != null) {
            json.put("thread_ts", message.threadTs());
        }
        return json;
    }

    /** Blocks as a JSON array, or a form field holding one; null when they are not. */
    private JsonNode blocks(Object raw) {
        JsonNode node;
        if (raw instanceof JsonNode json) {
            node = json;
        } else {
            try {
                node = mapper.readTree(raw.toString());
            } catch (JacksonException e) {
                return null;
            }
        }
        return node != null && node.isArray() ? node : null;
    }

    static Map<String, Object> error(String error) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", false);
        answer.put("error", error);
        return answer;
    }

    private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body) {
        return ResponseEntity.ok(body);
    }

    private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body, SlackTokens.Caller caller) {
        return ResponseEntity.ok().header("x-oauth-scopes", caller.scope()).body(body);
    }
}
