package io.throughline.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** HTML-only replies of the common mail clients, as text without their quoted history. */
class HtmlTextTest {

    @Test
    void gmailQuoteIsDropped() {
        String gmail = "<div dir=\"ltr\">Thanks, that helps!<div>Do you also ship to Canada?</div></div><br>"
                + "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Tue, Mar 4, 2025 at 10:12 AM "
                + "Larkspur Support &lt;<a href=\"mailto:support@larkspur.example\">support@larkspur.example</a>&gt; "
                + "wrote:<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\">"
                + "<div>Orders ship within 2 business days.</div></blockquote></div>";

        assertThat(ReplyText.strip(HtmlText.toText(gmail))).isEqualTo("Thanks, that helps!\nDo you also ship to Canada?");
    }

    @Test
    void outlookOnTheWebDropsEverythingAfterItsMarker() {
        String outlook = "<html><head><style>p {margin:0}</style></head><body><div style=\"font-family: Aptos\">"
                + "Could you send me the tracking link?</div><div id=\"appendonsend\"></div>"
                + "<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\"><div id=\"divRplyFwdMsg\" dir=\"ltr\">"
                + "<font face=\"Calibri, sans-serif\"><b>From:</b> Larkspur Support &lt;support@larkspur.example&gt;"
                + "<br><b>Sent:</b> Tuesday, March 4, 2025 10:12<br><b>Subject:</b> Re: Shipping question</font>"
                + "<div>&nbsp;</div></div><div><p>Orders ship within 2 business days.</p></div></body></html>";

        assertThat(ReplyText.strip(HtmlText.toText(outlook))).isEqualTo("Could you send me the tracking link?");
    }

    @Test
    void outlookDesktopHeaderBlockIsFoundInTheText() {
        String outlook = "<div class=WordSection1><p class=MsoNormal>Hi,<o:p></o:p></p><p class=MsoNormal>My order "
                + "1234 hasn&#39;t arrived.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p><div style='border:"
                + "none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>From:</b> "
                + "Larkspur Support &lt;support@larkspur.example&gt; <br><b>Sent:</b> Tuesday, March 4, 2025 10:12 AM<br>"
                + "<b>To:</b> Ann &lt;ann@example.net&gt;<br><b>Subject:</b> Re: Shipping question<o:p></o:p></p></div>"
                + "<p class=MsoNormal>Orders ship within 2 business days.<o:p></o:p></p></div>";

        assertThat(ReplyText.strip(HtmlText.toText(outlook))).isEqualTo("Hi,\nMy order 1234 hasn't arrived.");
    }

    @Test
    void appleMailBlockquoteAndIphoneLineAreDropped() {
        String apple = "<html><body dir=\"auto\"><div dir=\"ltr\">Great, thank you!</div><div dir=\"ltr\"><br>"
                + "<div dir=\"ltr\">Sent from my iPhone</div><div dir=\"ltr\"><br><blockquote type=\"cite\">On 4 Mar "
                + "2025, at 10:12, Larkspur Support &lt;support@larkspur.example&gt; wrote:<br><br></blockquote></div>"
                + "<blockquote type=\"cite\"><div dir=\"ltr\">Orders ship within 2 business days.</div></blockquote>"
                + "</div></body></html>";

        assertThat(ReplyText.strip(HtmlText.toText(apple))).isEqualTo("Great, thank you!");
    }

    @Test
    void paragraphsAndBreaksBecomeLines() {
        assertThat(HtmlText.toText("<p>Hello,</p><p>one<br>two &amp; three</p><p>&nbsp;</p><p>&nbsp;</p><p>Ann</p>"))
                .isEqualTo("Hello,\none\ntwo & three\n\nAnn");
    }
}
