package org.integrationhub.sandbox.slack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /sandbox/slack/**}: test knobs. {@code POST /sandbox/slack/events} {@code {url, type:
 * "event_callback" | "url_verification", event?, challenge?, timeoutMillis?, retryBackoffMillis?}}
 * sends one signed Events API delivery (202 with its {@code event_id} or {@code challenge});
 * {@code GET /sandbox/slack/events/attempts} lists the attempts; {@code GET /sandbox/slack/messages?channel=}
 * lists the posted messages (a channel name or id; all without), {@code DELETE} forgets them.
 */
@RestController
class SlackControlController {

    private final SlackEvents events;
    private final SlackMessages messages;
    private final SlackApiController api;

    SlackControlController(SlackEvents events, SlackMessages messages, SlackApiController api) {
        this.events = events;
        this.messages = messages;
        this.api = api;
    }

    record EventRequest(String url, String type, Map<String, Object> event, String challenge, Long timeoutMillis,
            Long retryBackoffMillis) {
    }

    @PostMapping("/sandbox/slack/events")
    ResponseEntity<Object> send(@RequestBody EventRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            return problem("url is required");
        }
        Duration timeout = request.timeoutMillis() == null ? SlackEvents.TIMEOUT : Duration.ofMillis(request.timeoutMillis());
        Duration backoff = request.retryBackoffMillis() == null ? SlackEvents.RETRY_BACKOFF
                : Duration.ofMillis(request.retryBackoffMillis());
        SlackEvents.Sent sent;
        if ("url_verification".equals(request.type())) {
            sent = events.urlVerification(request.url(), request.challenge(), timeout, backoff);
        } else if ("event_callback".equals(request.type())) {
            if (request.event() == null || !(request.event().get("type") instanceof String)) {
                return problem("an event_callback needs an event with a type");
            }
            sent = events.eventCallback(request.url(), request.event(), timeout, backoff);
        } else {
            return problem("type must be url_verification or event_callback");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (sent.eventId() != null) {
            body.put("event_id", sent.eventId());
        }
        if (sent.challenge() != null) {
            body.put("challenge", sent.challenge());
        }
        body.put("body", sent.body());
        return ResponseEntity.accepted().body(body);
    }

    @GetMapping("/sandbox/slack/events/attempts")
    List<SlackEvents.Attempt> attempts() {
        return events.attempts();
    }

    @GetMapping("/sandbox/slack/messages")
    List<Map<String, Object>> messages(@RequestParam(required = false) String channel) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (SlackMessages.Message message : messages.in(channel)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("channel", message.channel());
            json.putAll(api.messageJson(message));
            list.add(json);
        }
        return list;
    }

    @DeleteMapping("/sandbox/slack/messages")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void forgetMessages() {
        messages.clear();
    }

    private static ResponseEntity<Object> problem(String message) {
        return ResponseEntity.badRequest().body(Map.of("message", message));
    }
}
