package dev.perpflow.app.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perpflow.testkit.FakeRequest;
import dev.perpflow.testkit.FakeResponse;
import dev.perpflow.testkit.FakeVenueServer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A fake Telegram Bot API on loopback: users "type" messages and press buttons ({@link #send}, {@link #press}), the
 * bot reads them with {@code getUpdates}, and everything the bot calls ({@code sendMessage},
 * {@code editMessageText}, {@code editMessageReplyMarkup}, {@code answerCallbackQuery}, {@code deleteMessage}) is
 * recorded for assertions. A method can be made to fail a number of times ({@link #failNext}).
 */
final class FakeTelegram implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Bot API call the bot made. */
    record Call(String method, JsonNode body) {

        String chatId() {
            return body.path("chat_id").asText();
        }

        String text() {
            return body.path("text").asText();
        }

        /** Callback data of the buttons of a sent message, in order. */
        List<String> buttons() {
            List<String> data = new ArrayList<>();
            for (JsonNode row : body.path("reply_markup").path("inline_keyboard")) {
                for (JsonNode button : row) {
                    data.add(button.path("callback_data").asText());
                }
            }
            return data;
        }
    }

    private final String token;
    private final FakeVenueServer server;
    private final List<ObjectNode> updates = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong updateIds = new AtomicLong(100);
    private final AtomicLong messageIds = new AtomicLong(5000);
    /** Calls before this index happened before the user's last action: {@link #await} looks only after it. */
    private volatile int cursor;

    FakeTelegram(String token) {
        this.token = token;
        this.server = FakeVenueServer.start("telegram", this::handle, Map.of());
    }

    URI baseUri() {
        return server.baseUrl();
    }

    /** A user writes {@code text} in a chat; returns the message id. */
    long send(long userId, long chatId, String chatType, String text) {
        cursor = calls.size();
        long messageId = messageIds.incrementAndGet();
        ObjectNode update = JSON.createObjectNode().put("update_id", updateIds.incrementAndGet());
        ObjectNode message = update.putObject("message").put("message_id", messageId)
                .put("date", Instant.now().getEpochSecond()).put("text", text);
        message.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "user" + userId);
        message.putObject("chat").put("id", chatId).put("type", chatType);
        if (text.startsWith("/")) {
            int end = text.indexOf(' ');
            message.putArray("entities").addObject().put("type", "bot_command").put("offset", 0)
                    .put("length", end < 0 ? text.length() : end);
        }
        updates.add(update);
        return messageId;
    }

    long sendPrivate(long userId, String text) {
        return send(userId, userId, "private", text);
    }

    /** A user presses a button with {@code data} under a bot message in a chat. */
    void press(long userId, long chatId, String chatType, String data) {
        cursor = calls.size();
        ObjectNode update = JSON.createObjectNode().put("update_id", updateIds.incrementAndGet());
        ObjectNode query = update.putObject("callback_query").put("id", "cb" + updateIds.get())
                .put("chat_instance", "ci").put("data", data);
        query.putObject("from").put("id", userId).put("is_bot", false).put("first_name", "user" + userId);
        ObjectNode message = query.putObject("message").put("message_id", messageIds.incrementAndGet())
                .put("date", Instant.now().getEpochSecond()).put("text", "...");
        message.putObject("chat").put("id", chatId).put("type", chatType);
        updates.add(update);
    }

    void pressPrivate(long userId, String data) {
        press(userId, userId, "private", data);
    }

    /** The next {@code count} calls of {@code method} answer HTTP 500. */
    void failNext(String method, int count) {
        failures.computeIfAbsent(method, m -> new AtomicInteger()).addAndGet(count);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Texts the bot sent to a chat, in order. */
    List<String> textsTo(long chatId) {
        return calls("sendMessage").stream().filter(c -> c.chatId().equals(String.valueOf(chatId))).map(Call::text)
                .toList();
    }

    /** Waits for a message to a chat, sent after the user's last action, matching {@code predicate}. */
    Call await(long chatId, Predicate<String> predicate, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int from = cursor;
        while (System.nanoTime() < deadline) {
            List<Call> recent = calls.subList(Math.min(from, calls.size()), calls.size());
            for (Call call : List.copyOf(recent)) {
                if (!call.method().equals("sendMessage")) {
                    continue;
                }
                if (call.chatId().equals(String.valueOf(chatId)) && predicate.test(call.text())) {
                    return call;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no message to " + chatId + " matched within " + timeout + "; sent: "
                + textsTo(chatId));
    }

    Call awaitText(long chatId, String fragment) {
        return await(chatId, text -> text.contains(fragment), Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        server.close();
    }

    private FakeResponse handle(FakeRequest request) {
        String prefix = "/bot" + token + "/";
        if (!request.path().startsWith(prefix)) {
            return FakeResponse.json(401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
        }
        String method = request.path().substring(prefix.length());
        AtomicInteger failing = failures.get(method);
        if (failing != null && failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return FakeResponse.json(500, "{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}");
        }
        if (method.equals("getUpdates")) {
            long offset = request.queryParameter("offset").map(Long::parseLong).orElse(0L);
            ArrayNode result = JSON.createArrayNode();
            for (ObjectNode update : updates) {
                if (update.path("update_id").asLong() >= offset) {
                    result.add(update);
                }
            }
            return FakeResponse.ok("{\"ok\":true,\"result\":" + result + "}");
        }
        JsonNode body;
        try {
            body = request.bodyText().isBlank() ? JSON.createObjectNode() : JSON.readTree(request.bodyText());
        } catch (Exception e) {
            return FakeResponse.json(400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request\"}");
        }
        calls.add(new Call(method, body));
        return switch (method) {
            case "sendMessage", "editMessageText", "editMessageReplyMarkup" -> {
                if (method.equals("sendMessage") && body.path("text").asText().length() > 4096) {
                    yield FakeResponse.json(400, "{\"ok\":false,\"error_code\":400,\"description\":"
                            + "\"Bad Request: message is too long\"}");
                }
                ObjectNode result = JSON.createObjectNode().put("message_id", messageIds.incrementAndGet())
                        .put("date", Instant.now().getEpochSecond()).put("text", body.path("text").asText());
                result.putObject("chat").put("id", body.path("chat_id").asText()).put("type", "private");
                yield FakeResponse.ok("{\"ok\":true,\"result\":" + result + "}");
            }
            case "deleteMessage", "answerCallbackQuery" -> FakeResponse.ok("{\"ok\":true,\"result\":true}");
            default -> FakeResponse.json(404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
        };
    }
}
