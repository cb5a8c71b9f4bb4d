package io.relaysms.platform;

import io.relaysms.config.numbers.NumberType;
import io.relaysms.config.numbers.OwnedNumber;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a newcomer reads once the platform is up: where the API is, the connection string to paste into an ACS client,
 * how to trust the generated certificate, and two examples that send a message and read its delivery report. It holds
 * the primary access key, so it goes to the terminal (stdout), never to a log.
 */
final class PlatformBanner {

    private static final String EXAMPLE_RECIPIENT = "+14255550123";

    private PlatformBanner() {
    }

    static String render(RelayPlatform platform) {
        String host = platform.config().publicHost();
        String endpoint = platform.api().httpsPort().isPresent()
                ? "https://" + host + ":" + platform.api().httpsPort().getAsInt() + "/"
                : "http://" + host + ":" + platform.api().httpPort().getAsInt() + "/";
        String accessKey = accessKeyOf(platform.api().connectionString());
        String connectionString = "endpoint=" + endpoint + ";accesskey=" + accessKey;
        // The launcher adds ports and folders to the settings, never numbers: the validated configuration has them all.
        List<OwnedNumber> numbers = platform.config().serviceConfig().numbers().all().stream()
                .sorted(Comparator.comparing((OwnedNumber n) -> n.type() != NumberType.TOLL_FREE).thenComparing(OwnedNumber::number))
                .toList();
        String sender = numbers.isEmpty() ? "<one of your numbers.*>" : numbers.get(0).number();
        String certificate = platform.api().certificatePath().map(Path::toAbsolutePath).map(Path::toString).orElse(null);
        String cacert = certificate == null ? "" : " --cacert " + certificate;
        String curlTls = certificate == null ? "" : "\n  (curl: --cacert " + certificate + "; Python: SSL_CERT_FILE=" + certificate
                + "; Node.js: NODE_EXTRA_CA_CERTS=" + certificate + ")";

        StringBuilder b = new StringBuilder();
        b.append('\n').append("Relay is running (ready in ")
                .append(String.format(Locale.ROOT, "%.1f", platform.startupTime().toMillis() / 1000.0))
                .append(" s). Data is kept in ").append(platform.config().dataDirectory().toAbsolutePath())
                .append(". Ctrl-C stops it cleanly.\n\n");
        row(b, "Endpoint", endpoint);
        row(b, "Connection string", connectionString);
        if (certificate != null) {
            row(b, "Certificate", certificate + "  (self-signed, generated for this machine: trust it, see below)");
        }
        row(b, "Kafka", platform.bootstrapServers() + (platform.broker().isPresent() ? "  (embedded KRaft broker)" : ""));
        platform.simulator().ifPresent(simulator -> row(b, "Carrier simulator",
                "SMPP " + simulator.smppHost() + ":" + simulator.smppPort() + ", admin " + simulator.adminUri()));
        row(b, "Delivery tracker", "http://127.0.0.1:" + platform.tracker().httpPort() + "/deliveryReports/{messageId}");
        row(b, "Opt-outs and usage", "http://127.0.0.1:" + platform.optOuts().httpPort() + "/usage/{from}?window=hour");
        row(b, "Dispatcher", "http://127.0.0.1:" + platform.dispatcher().operationsPort() + "/health");
        row(b, "Numbers you own", numbers.isEmpty() ? "none configured (numbers.*): every send will be refused"
                : numbers.stream().map(n -> n.number() + " (" + n.type().configName() + ")").collect(Collectors.joining(", ")));

        b.append("\nSend a message and read its delivery report with the signing helper (Python 3, standard library):\n")
                .append("  export ACS_CONNECTION_STRING='").append(connectionString).append("'\n")
                .append("  scripts/acs-curl.py").append(cacert).append(" POST '/sms?api-version=2021-03-07' \\\n")
                .append("    '{\"from\":\"").append(sender).append("\",\"smsRecipients\":[{\"to\":\"").append(EXAMPLE_RECIPIENT)
                .append("\"}],\"message\":\"Hello from Relay\",\"smsSendOptions\":{\"enableDeliveryReport\":true}}'\n")
                .append("  scripts/acs-curl.py").append(cacert)
                .append(" GET '/deliveryReports/<messageId from the answer>?api-version=2026-01-23'\n")
                .append(curlTls).append(curlTls.isEmpty() ? "" : "\n");

        b.append("\nThe Azure Java SDK (com.azure:azure-communication-sms), unchanged:\n");
        if (certificate != null) {
            b.append("  keytool -importcert -noprompt -alias relay -file ").append(certificate)
                    .append(" -keystore relay-trust.p12 -storepass changeit\n")
                    .append("  java -Djavax.net.ssl.trustStore=relay-trust.p12 -Djavax.net.ssl.trustStorePassword=changeit ...\n");
        }
        b.append("  SmsClient sms = new SmsClientBuilder().connectionString(\"").append(connectionString).append("\").buildClient();\n")
                .append("  SmsSendResult sent = sms.send(\"").append(sender).append("\", \"").append(EXAMPLE_RECIPIENT)
                .append("\", \"Hello from Relay\");\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String name, String value) {
        b.append("  ").append(String.format(Locale.ROOT, "%-20s", name)).append(value).append('\n');
    }

    private static String accessKeyOf(String connectionString) {
        for (String part : connectionString.split(";")) {
            if (part.toLowerCase(Locale.ROOT).startsWith("accesskey=")) {
                return part.substring("accesskey=".length());
            }
        }
        throw new IllegalStateException("the API's connection string holds no access key");
    }
}
