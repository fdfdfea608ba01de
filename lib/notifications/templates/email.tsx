// The one email layout: Vitrine's mark, the store it is about, the message (heading, paragraphs,
// facts, one button, an optional PIX code) and a footer that says why it came and links to the
// preferences. Inline styles only: mail clients drop stylesheets.
import {
  Body,
  Button,
  Column,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Row,
  Section,
  Text,
} from "@react-email/components";
import type { MessageContent, Tone } from "../content";

export type EmailLayoutProps = {
  lang: string;
  content: MessageContent;
  /** "Store: Loja da Ana", or the platform line. */
  contextLine: string;
  footer: { why: string; manageLabel: string; manageUrl: string; automatic: string; tagline: string };
  pix: { title: string; hint: string } | null;
};

const INK = "#0e1116";
const MUTED = "#4a5361";
const SUBTLE = "#646d79";
const LINE = "#e3e6ea";
const BRAND = "#07725d";
const TONES: Record<Tone, string> = { neutral: BRAND, success: "#14925a", warning: "#d97706", danger: "#c42b2b" };
const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

export function NotificationEmail({ lang, content, contextLine, footer, pix }: EmailLayoutProps) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{content.preview}</Preview>
      <Body style={{ backgroundColor: "#f4f5f7", fontFamily: FONT, margin: 0, padding: "24px 0", color: INK }}>
        <Container style={{ maxWidth: 560, width: "100%", margin: "0 auto" }}>
          <Section style={{ padding: "0 24px 16px" }}>
            <Row>
              <Column style={{ width: 36 }}>
                <div
                  data-skip-in-text="true"
                  style={{
                    width: 28,
                    height: 28,
                    borderRadius: 7,
                    backgroundColor: BRAND,
                    color: "#ffffff",
                    fontWeight: 700,
                    fontSize: 16,
                    lineHeight: "28px",
                    textAlign: "center",
                  }}
                >
                  V
                </div>
              </Column>
              <Column>
                <Text style={{ margin: 0, fontSize: 17, fontWeight: 650, color: INK }}>Vitrine</Text>
              </Column>
              <Column style={{ textAlign: "right" }}>
                <Text style={{ margin: 0, fontSize: 13, color: SUBTLE }}>{contextLine}</Text>
              </Column>
            </Row>
          </Section>
          <Section
            style={{
              backgroundColor: "#ffffff",
              border: `1px solid ${LINE}`,
              borderTop: `4px solid ${TONES[content.tone]}`,
              borderRadius: 10,
              padding: "28px 28px 24px",
            }}
          >
            <Heading as="h1" style={{ fontSize: 21, lineHeight: "28px", margin: "0 0 16px", color: INK }}>
              {content.heading}
            </Heading>
            {content.paragraphs.map((p) => (
              <Text key={p} style={{ fontSize: 15, lineHeight: "23px", color: INK, margin: "0 0 14px" }}>
                {p}
              </Text>
            ))}
            {content.facts.length > 0 && (
              <Section
                style={{
                  backgroundColor: "#f8f9fa",
                  border: `1px solid ${LINE}`,
                  borderRadius: 8,
                  padding: "6px 16px",
                  margin: "6px 0 20px",
                }}
              >
                {content.facts.map((f) => (
                  <Row key={f.label}>
                    <Column style={{ width: "42%", padding: "7px 0", verticalAlign: "top" }}>
                      <Text style={{ margin: 0, fontSize: 13, color: MUTED }}>{f.label}</Text>
                    </Column>
                    <Column style={{ padding: "7px 0", verticalAlign: "top" }}>
                      <Text style={{ margin: 0, fontSize: 14, color: INK, fontWeight: 600, wordBreak: "break-word" }}>
                        {f.value}
                      </Text>
                    </Column>
                  </Row>
                ))}
              </Section>
            )}
            {content.action && (
              <Section style={{ margin: "4px 0 8px" }}>
                <Button
                  href={content.action.url}
                  style={{
                    backgroundColor: BRAND,
                    color: "#ffffff",
                    borderRadius: 7,
                    fontSize: 15,
                    fontWeight: 600,
                    padding: "11px 20px",
                    textDecoration: "none",
                  }}
                >
                  {content.action.label}
                </Button>
              </Section>
            )}
            {content.pix && pix && (
              <Section style={{ marginTop: 20 }}>
                <Hr style={{ borderColor: LINE, margin: "0 0 16px" }} />
                <Text style={{ fontSize: 15, fontWeight: 650, margin: "0 0 6px", color: INK }}>{pix.title}</Text>
                <Text style={{ fontSize: 14, lineHeight: "21px", margin: "0 0 10px", color: MUTED }}>{pix.hint}</Text>
                <Text
                  style={{
                    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
                    fontSize: 12,
                    lineHeight: "18px",
                    backgroundColor: "#f4f5f7",
                    border: `1px solid ${LINE}`,
                    borderRadius: 6,
                    padding: "10px 12px",
                    margin: 0,
                    wordBreak: "break-all",
                  }}
                >
                  {content.pix}
                </Text>
              </Section>
            )}
          </Section>
          <Section style={{ padding: "18px 28px 0" }}>
            <Text style={{ fontSize: 12, lineHeight: "18px", color: SUBTLE, margin: "0 0 6px" }}>
              {footer.why}{" "}
              <Link href={footer.manageUrl} style={{ color: BRAND, textDecoration: "underline" }}>
                {footer.manageLabel}
              </Link>
            </Text>
            <Text style={{ fontSize: 12, lineHeight: "18px", color: SUBTLE, margin: 0 }}>
              {footer.automatic} · {footer.tagline}
            </Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
