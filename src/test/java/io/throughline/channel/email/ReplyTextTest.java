package io.throughline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Replies as the common mail clients write them, quoted history and signatures included. */
class ReplyTextTest {

    @Test
    void gmailWrapsItsAttributionLineAndQuotesWithAngleBrackets() {
        String gmail = """
                Thanks, that helps! Do you also ship to Canada?

                On Tue, Mar 4, 2025 at 10:12 AM Larkspur Support <support@larkspur.example>
                wrote:

                > Orders ship within 2 business days.
                >
                > Sources:
                > - Shipping (shipping.md)
                >
                """;

        assertThat(ReplyText.strip(gmail)).isEqualTo("Thanks, that helps! Do you also ship to Canada?");
    }

    @Test
    void gmailWithASignatureBelowTheDashDashDelimiter() {
        String gmail = "Thanks!\r\nAnn\r\n\r\n-- \r\nAnn Customer\r\nHead of Plants, Example Inc.\r\n+1 415 555 0100\r\n\r\n"
                + "On Tue, Mar 4, 2025 at 10:12 AM Larkspur Support <support@larkspur.example> wrote:\r\n"
                + "> Orders ship within 2 business days.\r\n";

        assertThat(ReplyText.strip(gmail)).isEqualTo("Thanks!\nAnn");
    }

    @Test
    void gmailInGerman() {
        String gmail = """
                Danke! Liefern Sie auch nach Österreich?

                Am Di., 4. März 2025 um 10:12 Uhr schrieb Larkspur Support <
                support@larkspur.example>:

                > Orders ship within 2 business days.
                """;

        assertThat(ReplyText.strip(gmail)).isEqualTo("Danke! Liefern Sie auch nach Österreich?");
    }

    @Test
    void outlookDesktopOriginalMessageBlock() {
        String outlook = """
                Hi,

                My order 1234 hasn't arrived yet.

                Regards,
                Ann

                -----Original Message-----
                From: Larkspur Support <support@larkspur.example>
                Sent: Tuesday, March 4, 2025 10:12 AM
                To: Ann Customer <ann@example.net>
                Subject: Re: Shipping question

                Orders ship within 2 business days.
                """;

        assertThat(ReplyText.strip(outlook)).isEqualTo("Hi,\n\nMy order 1234 hasn't arrived yet.\n\nRegards,\nAnn");
    }

    @Test
    void outlookForMicrosoft365HeaderBlockUnderALine() {
        String outlook = """
                Could you send me the tracking link?

                Get Outlook for iOS
                ________________________________
                From: Larkspur Support <support@larkspur.example>
                Sent: Tuesday, March 4, 2025 10:12
                To: ann@example.net <ann@example.net>
                Subject: Re: Shipping question

                Orders ship within 2 business days.
                """;

        assertThat(ReplyText.strip(outlook)).isEqualTo("Could you send me the tracking link?");
    }

    @Test
    void outlookHeaderBlockWithoutTheMobileLine() {
        String outlook = """
                Could you send me the tracking link?

                ________________________________
                From: Larkspur Support <support@larkspur.example>
                Sent: Tuesday, March 4, 2025 10:12
                Subject: Re: Shipping question

                Orders ship within 2 business days.
                """;

        assertThat(ReplyText.strip(outlook)).isEqualTo("Could you send me the tracking link?");
    }

    @Test
    void appleMailOnTheIphone() {
        String apple = """
                Great, thank you!

                Sent from my iPhone

                > On 4 Mar 2025, at 10:12, Larkspur Support <support@larkspur.example> wrote:
                >\u0020
                > Orders ship within 2 business days.
                """;

        assertThat(ReplyText.strip(apple)).isEqualTo("Great, thank you!");
    }

    @Test
    void appleMailOnTheMacQuotesItsAttributionToo() {
        String apple = """
                Does that include weekends?

                > On 4. Mar 2025, at 10:12, Larkspur Support <support@larkspur.example> wrote:
                >\u0020
                > Orders ship within 2 business days.
                >\u0020
                """;

        assertThat(ReplyText.strip(apple)).isEqualTo("Does that include weekends?");
    }

    @Test
    void anInlineReplyKeepsTheAnswersBetweenTheQuotes() {
        String inline = """
                > Which order is it about?
                Order 1234.

                > And when did you order it?
                Last Monday.
                """;

        assertThat(ReplyText.strip(inline)).isEqualTo("Order 1234.\n\nLast Monday.");
    }

    @Test
    void aNewMailIsLeftAsItIs() {
        String mail = """
                Hello,

                From: my own experience the blue pots crack in winter. Is that covered?
                Thanks, Ann
                """;

        assertThat(ReplyText.strip(mail)).isEqualTo(mail.strip());
    }

    @Test
    void aReplyThatIsAllQuoteKeepsEverythingRatherThanNothing() {
        String onlyQuote = "> Orders ship within 2 business days.\n";

        assertThat(ReplyText.strip(onlyQuote)).isEqualTo("> Orders ship within 2 business days.");
    }
}
