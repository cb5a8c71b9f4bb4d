package io.relaysms.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.communication.sms.SmsClient;
import com.azure.communication.sms.SmsClientBuilder;
import com.azure.communication.sms.models.SmsSendOptions;
import com.azure.communication.sms.models.SmsSendResult;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.relaysms.kafka.testing.SharedKafkaBroker;
import io.relaysms.schemas.SmsRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official Azure Java SDK ({@code com.azure:azure-communication-sms} 1.1.29), unmodified, sending through the
 * API over HTTPS with the generated certificate trusted: what a new user's first try looks like. The SDK signs with
 * Host "localhost" (no port) and sends repeatability ids for every recipient.
 */
class AzureSdkIT {

    @RegisterExtension
    static final SharedKafkaBroker kafka = new SharedKafkaBroker();

    @TempDir
    static Path data;

    static ApiUnderTest api;
    static SmsClient sms;

    @BeforeAll
    static void start() throws Exception {
        api = ApiUnderTest.start(ApiUnderTest.settings(kafka.bootstrapServers(), kafka.uniquePrefix(), data));
        sms = client(ApiUnderTest.PRIMARY_KEY);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static SmsClient client(String accessKey) throws Exception {
        SslContext trustGenerated = SslContextBuilder.forClient().trustManager(api.service.certificatePath().orElseThrow().toFile()).build();
        reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create()
                .secure(spec -> spec.sslContext(trustGenerated));
        return new SmsClientBuilder()
                .connectionString("endpoint=https://localhost:" + api.service.httpsPort().getAsInt() + "/;accesskey=" + accessKey)
                .httpClient(new NettyAsyncHttpClientBuilder(netty).build())
                .buildClient();
    }

    @Test
    void sendsToOneRecipient() {
        SmsSendResult result = sms.send(ApiUnderTest.TOLL_FREE, "+14255550123", "Hello from the Azure SDK");

        assertThat(result.isSuccessful()).isTrue();
        assertThat(result.getHttpStatusCode()).isEqualTo(202);
        assertThat(result.getMessageId()).startsWith("Outgoing_");
        List<SmsRequest> written = api.requestsThrough(result.getMessageId());
        SmsRequest request = written.get(written.size() - 1);
        assertThat(request.getMessage()).isEqualTo("Hello from the Azure SDK");
        assertThat(request.getRepeatabilityRequestId()).isNotBlank();
        assertThat(request.getClientRequestId()).isNotBlank();
    }

    @Test
    void sendsToAGroupWithOptionsAndReportsAnInvalidRecipientAlone() {
        SmsSendOptions options = new SmsSendOptions().setDeliveryReportEnabled(true).setTag("sdk-group");

        Iterable<SmsSendResult> results = sms.sendWithResponse(ApiUnderTest.TOLL_FREE,
                List.of("+14255550124", "+14255550125", "+123"), "Hello group", options, com.azure.core.util.Context.NONE).getValue();

        List<SmsSendResult> list = StreamSupport.stream(results.spliterator(), false).toList();
        assertThat(list).hasSize(3);
        assertThat(list.subList(0, 2)).allSatisfy(r -> assertThat(r.isSuccessful()).isTrue());
        assertThat(list.get(2).isSuccessful()).isFalse();
        assertThat(list.get(2).getHttpStatusCode()).isEqualTo(400);
        assertThat(list.get(2).getErrorMessage()).contains("Invalid To phone number format");
        List<SmsRequest> written = api.requestsThrough(list.get(1).getMessageId());
        assertThat(written).filteredOn(r -> "sdk-group".equals(r.getTag())).hasSize(2)
                .allSatisfy(r -> assertThat(r.getEnableDeliveryReport()).isTrue());
    }

    @Test
    void surfacesAnUnownedSenderAsAnHttpError() {
        assertThatThrownBy(() -> sms.send("+18335550100", "+14255550123", "nope"))
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(401));
    }

    @Test
    void surfacesAWrongKeyAsAnHttpError() throws Exception {
        SmsClient wrong = client("d3Jvbmcta2V5LXdyb25nLWtleS13cm9uZy1rZXktMTI=");

        assertThatThrownBy(() -> wrong.send(ApiUnderTest.TOLL_FREE, "+14255550123", "nope"))
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(401));
    }
}
