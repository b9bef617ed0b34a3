package dev.perpflow.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perpflow.app.AppTestSupport;
import dev.perpflow.app.venue.VenueRegistry;
import dev.perpflow.component.sim.SimExchangeClient;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Full conversations with the bot through a fake Telegram Bot API ({@code perpflow.telegram.base-uri}), the app
 * running on the test profile's sim venues with the dev funding-arbitrage run.
 */
class TelegramConversationsTest extends AppTestSupport {

    private static final String TOKEN = "123456:TEST-TOKEN";
    private static final String BOOTSTRAP = "telegram-bootstrap-key-0123456789";
    private static final long ADMIN = 1001;
    private static final long STRANGER = 2002;
    private static final long GROUP = -5000;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String MASTER = dev.perpflow.app.security.MasterKey.generate();

    // one app per test class (see AppTestSupport), so one fake Bot API for all of its conversations
    private static final FakeTelegram TELEGRAM = new FakeTelegram(TOKEN);
    private final FakeTelegram telegram = TELEGRAM;

    private FakeTelegram telegram() {
        return TELEGRAM;
    }

    @AfterAll
    static void stopFake() {
        TELEGRAM.close();
    }

    @Override
    protected Properties extraProperties() {
        Properties properties = new Properties();
        properties.setProperty("perpflow.telegram.token", TOKEN);
        properties.setProperty("perpflow.telegram.base-uri", telegram().baseUri().toString());
        properties.setProperty("perpflow.telegram.poll-delay-millis", "100");
        properties.setProperty("perpflow.api-key", BOOTSTRAP);
        properties.setProperty("perpflow.master-key", MASTER);
        Path root = Path.of(System.getProperty("perpflow.routes-dir", "../routes")).getParent();
        properties.setProperty("perpflow.funding-arb.dev-run", root.resolve("configs/dev/funding-arb-sims.yaml").toString());
        properties.setProperty("perpflow.funding-arb.tick-millis", "300");
        return properties;
    }

    @Test
    void authLinksOnAGoodKeyDeletesEveryKeyMessageAndRefusesStrangers() {
        long bad = telegram.sendPrivate(ADMIN, "/auth perp_0123456789abcdef0123456789abcdef");
        telegram.awaitText(ADMIN, "not valid");
        long good = telegram.sendPrivate(ADMIN, "/auth " + BOOTSTRAP);
        telegram.awaitText(ADMIN, "Linked to perpflow user *admin* (admin)");
        assertThat(telegram.calls("deleteMessage")).extracting(c -> c.body().path("message_id").asLong())
                .contains(bad, good);
        assertThat(telegram.calls("sendMessage")).noneMatch(c -> c.text().contains(BOOTSTRAP));

        telegram.sendPrivate(STRANGER, "/positions");
        telegram.awaitText(STRANGER, "not authorized");
        telegram.sendPrivate(STRANGER, "/balances");
        await().atMost(WAIT).until(() -> telegram.textsTo(STRANGER).size() == 2);
        assertThat(telegram.textsTo(STRANGER)).allMatch(text -> text.contains("not authorized"));

        // a group is not private: account data (even the linked admin's) only in a private chat
        telegram.send(STRANGER, GROUP, "group", "/status");
        telegram.await(GROUP, text -> text.contains("Use a private chat"), WAIT);
        telegram.send(ADMIN, GROUP, "group", "just chatting, not for the bot");
        telegram.send(ADMIN, GROUP, "group", "/status@perpflow_bot");
        telegram.await(GROUP, text -> text.contains("Use a private chat with me for /status"), WAIT);
        assertThat(telegram.textsTo(GROUP)).hasSize(2).noneMatch(text -> text.contains("Trading:"));

        telegram.sendPrivate(ADMIN, "/logout");
        telegram.awaitText(ADMIN, "Unlinked");
        telegram.sendPrivate(ADMIN, "/status");
        telegram.awaitText(ADMIN, "not authorized");
    }

    @Test
    void aConfigWizardThenRunListAndStopAStrategy() {
        link();
        telegram.sendPrivate(ADMIN, "/create_config");
        List<String> types = telegram.awaitText(ADMIN, "Which strategy?").buttons();
        assertThat(types).contains("cc:funding_arbitrage", "cc:grid");
        telegram.pressPrivate(ADMIN, "cc:funding_arbitrage");
        telegram.awaitText(ADMIN, "Name of the config?");
        telegram.sendPrivate(ADMIN, "arb_chat");
        telegram.awaitText(ADMIN, "Send the config as YAML");
        telegram.sendPrivate(ADMIN, "scan_exchanges: [sim-a, sim-b]\nrisk_strategy: yolo");
        telegram.await(ADMIN, text -> text.contains("problems") && text.contains("risk\\_strategy"), WAIT);
        telegram.sendPrivate(ADMIN, "scan_exchanges: [sim-a, sim-b]\nmin_volume_24h: 0\nmin_oi_usd: 0\n"
                + "exclude_symbols: [ETH, BTC, SOL, BONK, 2Z, Z]");
        List<String> run = telegram.awaitText(ADMIN, "Saved config *arb\\_chat*").buttons();
        assertThat(run).hasSize(1);

        telegram.pressPrivate(ADMIN, run.get(0));
        List<String> accounts = telegram.awaitText(ADMIN, "Run it for which account?").buttons();
        telegram.pressPrivate(ADMIN, accounts.get(0));
        String started = telegram.awaitText(ADMIN, "Started run").text();
        String runId = started.substring(started.indexOf('*') + 1, started.indexOf('*', started.indexOf('*') + 1))
                .replace("\\", "");

        telegram.sendPrivate(ADMIN, "/list_strategies running");
        telegram.await(ADMIN, text -> text.startsWith("*Runs* (running)") && text.contains(runId.replace("_", "\\_")),
                WAIT);
        telegram.sendPrivate(ADMIN, "/stop_strategy");
        assertThat(telegram.awaitText(ADMIN, "Stop which run?").buttons()).contains("ss:" + runId);
        telegram.pressPrivate(ADMIN, "ss:" + runId);
        assertThat(telegram.awaitText(ADMIN, "Stop arb").buttons()).contains("ss:" + runId + ":only",
                "ss:" + runId + ":close");
        telegram.pressPrivate(ADMIN, "ss:" + runId + ":only");
        assertThat(telegram.awaitText(ADMIN, "?").buttons()).contains("ss:" + runId + ":only:ok");
        telegram.pressPrivate(ADMIN, "ss:" + runId + ":only:ok");
        telegram.awaitText(ADMIN, "Stopped *");
        // an old confirmation pressed again: the run is stopped already, and the chat says so like the API
        telegram.pressPrivate(ADMIN, "ss:" + runId + ":only:ok");
        telegram.awaitText(ADMIN, "was already stopped; nothing changed");
        telegram.sendPrivate(ADMIN, "/list_strategies stopped");
        telegram.await(ADMIN, text -> text.startsWith("*Runs* (stopped)") && text.contains("stopped"), WAIT);
        telegram.sendPrivate(ADMIN, "/limits");
        telegram.awaitText(ADMIN, "daily\\_start\\_limit: 10");
    }

    @Test
    void closingAPositionAsksToConfirmAndAgainWhenTheSpreadIsWide() throws Exception {
        link();
        JsonNode position = openPosition();
        String id = position.get("id").asText();
        String venue = position.get("long_dex").asText();
        String symbol = position.get("symbol").asText();
        VenueRegistry venues = context.getRegistry().lookupByNameAndType("venueRegistry", VenueRegistry.class);
        SimExchangeClient sim = (SimExchangeClient) venues.client(venue).orElseThrow();
        var book = sim.exchange().book(symbol, 1);
        BigDecimal tick = sim.exchange().instruments().stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseThrow().tickSize();
        long ticks = book.bids().get(0).price().multiply(new BigDecimal("0.02")).divide(tick, 0, RoundingMode.UP)
                .longValue();
        sim.exchange().widenSpread(symbol, ticks);

        telegram.sendPrivate(ADMIN, "/close");
        assertThat(telegram.awaitText(ADMIN, "Which position?").buttons()).contains("cl:" + id);
        telegram.pressPrivate(ADMIN, "cl:" + id);
        telegram.awaitText(ADMIN, "how?");
        telegram.pressPrivate(ADMIN, "cl:" + id + ":market");
        assertThat(telegram.awaitText(ADMIN, "with a market order?").buttons()).contains("cl:" + id + ":market:ok");
        telegram.pressPrivate(ADMIN, "cl:" + id + ":market:ok");
        assertThat(telegram.awaitText(ADMIN, "The spread is wide").buttons()).contains("cl:" + id + ":market:wide");
        sim.exchange().widenSpread(symbol, 0);
        telegram.pressPrivate(ADMIN, "cl:" + id + ":market:wide");
        telegram.awaitText(ADMIN, "Closed " + id);
    }

    @Test
    void aNotificationIsRetriedAfterTelegramFailsOnceAndArrivesOnce() throws Exception {
        link();
        telegram.sendPrivate(ADMIN, "/halt");
        assertThat(telegram.awaitText(ADMIN, "Halt all trading?").buttons()).contains("halt:yes", "halt:no");
        telegram.pressPrivate(ADMIN, "halt:no");
        telegram.awaitText(ADMIN, "Not halted.");

        telegram.failNext("sendMessage", 1);
        FormattedLog log = FormattedLog.capture();
        HttpResponse<String> halted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port() + "/api/v1/halt")).header("X-API-Key", BOOTSTRAP)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(halted.statusCode()).isEqualTo(200);

        telegram.awaitText(ADMIN, "*Trading halted*");
        Thread.sleep(4_000); // two more delivery rounds: nothing is sent twice
        assertThat(telegram.textsTo(ADMIN).stream().filter(t -> t.contains("*Trading halted*")).count()).isEqualTo(1);
        // the failed Bot API call was logged, without the token its URL holds
        String logged = log.stop();
        assertThat(logged).contains("not delivered yet").doesNotContain(TOKEN);
        telegram.sendPrivate(ADMIN, "/resume");
        telegram.awaitText(ADMIN, "Trading state: *ACTIVE*");
    }

    @Test
    void everyOtherCommandAnswersSensibly() throws Exception {
        link();
        String[][] expectations = {
            {"/help", "run\\\\_strategy"},
            {"/positions", "Open positions|No open positions"},
            {"/balances", "Balances\\* of default"},
            {"/trades", "Recent fills|No trades yet"},
            {"/pnl", "Realized PnL|No closed positions"},
            {"/opportunities", "Top opportunities|No opportunity"},
            {"/list_configs", "Saved configs|No saved configs"},
            {"/resume_strategy", "Resume which run|No stopped runs"},
            {"/logs dev-funding-arb", "Log of dev-funding-arb|dev-funding-arb has no log lines"},
            {"/list_accounts", "Accounts|No accounts"},
            {"/frobnicate", "Unknown command"},
        };
        for (String[] expectation : expectations) {
            telegram.sendPrivate(ADMIN, expectation[0]);
            java.util.regex.Pattern expected = java.util.regex.Pattern.compile(expectation[1]);
            String reply = telegram.await(ADMIN, text -> !text.startsWith("*Position"), WAIT).text();
            assertThat(reply).as(expectation[0]).containsPattern(expected).doesNotContain("Something went wrong");
        }

        telegram.sendPrivate(ADMIN, "/create_account");
        telegram.awaitText(ADMIN, "Name of the new account?");
        telegram.sendPrivate(ADMIN, "bad name!");
        telegram.awaitText(ADMIN, "not valid");
        telegram.sendPrivate(ADMIN, "tg-main");
        telegram.awaitText(ADMIN, "Description?");
        telegram.sendPrivate(ADMIN, "-");
        telegram.awaitText(ADMIN, "Created account *tg-main*");

        telegram.sendPrivate(ADMIN, "/add_proxy");
        List<String> accounts = telegram.awaitText(ADMIN, "Proxy for which account?").buttons();
        telegram.pressPrivate(ADMIN, accounts.get(0));
        telegram.awaitText(ADMIN, "Send the proxy URL");
        long secret = telegram.sendPrivate(ADMIN, "socks5://bob:s3cret-pw@10.1.2.3:1080");
        telegram.awaitText(ADMIN, "socks5://bob:\\*\\*\\*@10.1.2.3:1080".replace("\\\\", "\\"));
        assertThat(telegram.calls("deleteMessage")).extracting(c -> c.body().path("message_id").asLong())
                .contains(secret);
        assertThat(telegram.calls("sendMessage")).noneMatch(c -> c.text().contains("s3cret-pw"));

        telegram.sendPrivate(ADMIN, "/list_accounts");
        telegram.awaitText(ADMIN, "admin/tg-main");
    }

    private void link() {
        telegram.sendPrivate(ADMIN, "/auth " + BOOTSTRAP);
        telegram.awaitText(ADMIN, "Linked to perpflow user");
    }

    private JsonNode openPosition() throws Exception {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port() + "/api/v1/positions")).header("X-API-Key", BOOTSTRAP)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode position : JSON.readTree(response.body()).get("positions")) {
                if (position.get("status").asText().equals("open")) {
                    found[0] = position;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
