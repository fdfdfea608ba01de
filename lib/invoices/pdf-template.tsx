// The one invoice template (@react-pdf/renderer): A4, Helvetica (a PDF base font: every reader has
// it and it covers Portuguese, so nothing is fetched or embedded), the Vitrine green, a stamp for
// the status, and a PIX box with the QR code and the copia e cola for open BRL invoices. react-pdf
// reads a unitless lineHeight against the fontSize of the same style, so each style sets both.
// @react-pdf/renderer is ESM-only: the caller loads it with import() and passes it in (`pdf`), so this
// module also loads from CommonJS (tsx scripts such as the bench) and not only inside Next.
import type { Styles } from "@react-pdf/renderer";
import type { InvoiceDocument, StampKey } from "./document";

export type ReactPdf = typeof import("@react-pdf/renderer");

const INK = "#0e1116";
const MUTED = "#4a5361";
const SUBTLE = "#646d79";
const LINE = "#e3e6ea";
const BRAND = "#07725d";
const BRAND_BG = "#ecfdf7";

const STAMP: Record<StampKey, { color: string; bg: string }> = {
  paid: { color: "#066039", bg: "#ecfdf3" },
  refunded: { color: "#066039", bg: "#ecfdf3" },
  open: { color: "#4a5361", bg: "#f0f2f4" },
  draft: { color: "#4a5361", bg: "#f0f2f4" },
  overdue: { color: "#b42318", bg: "#fef3f2" },
  uncollectible: { color: "#b42318", bg: "#fef3f2" },
  void: { color: "#b42318", bg: "#fef3f2" },
};

const s = {
  page: { paddingTop: 40, paddingBottom: 64, paddingHorizontal: 44, fontFamily: "Helvetica", fontSize: 9, color: INK },
  header: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-start" },
  brand: { flexDirection: "row", alignItems: "center", maxWidth: 280 },
  logo: { maxWidth: 120, maxHeight: 48, marginRight: 10, objectFit: "contain" },
  issuerName: { fontSize: 14, fontFamily: "Helvetica-Bold" },
  titleBox: { alignItems: "flex-end" },
  title: { fontSize: 20, fontFamily: "Helvetica-Bold", color: BRAND, textTransform: "uppercase" },
  number: { fontSize: 11, marginTop: 2, fontFamily: "Helvetica-Bold" },
  stamp: {
    marginTop: 8,
    paddingVertical: 3,
    paddingHorizontal: 8,
    borderWidth: 1.5,
    borderRadius: 3,
    fontSize: 10,
    fontFamily: "Helvetica-Bold",
    letterSpacing: 1,
  },
  meta: { marginTop: 18, flexDirection: "row", flexWrap: "wrap", borderTopWidth: 1, borderTopColor: LINE },
  metaItem: { width: "25%", paddingTop: 8, paddingRight: 8 },
  label: { fontSize: 7.5, color: SUBTLE, textTransform: "uppercase", letterSpacing: 0.5, marginBottom: 2 },
  parties: { flexDirection: "row", marginTop: 16 },
  party: { flex: 1, paddingRight: 16 },
  partyName: { fontSize: 10.5, fontFamily: "Helvetica-Bold", marginBottom: 2 },
  partyLine: { fontSize: 9, color: MUTED, lineHeight: 1.35 },
  table: { marginTop: 20 },
  row: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: LINE, paddingVertical: 6 },
  headRow: { flexDirection: "row", borderBottomWidth: 1.5, borderBottomColor: INK, paddingBottom: 4 },
  th: { fontSize: 7.5, color: SUBTLE, textTransform: "uppercase", letterSpacing: 0.5 },
  cDesc: { flex: 1, paddingRight: 8 },
  cQty: { width: 36, textAlign: "right" },
  cUnit: { width: 78, textAlign: "right" },
  cDisc: { width: 70, textAlign: "right" },
  cAmount: { width: 84, textAlign: "right" },
  period: { fontSize: 7.5, color: SUBTLE, marginTop: 2 },
  totals: { marginTop: 10, alignSelf: "flex-end", width: 260 },
  totalRow: { flexDirection: "row", justifyContent: "space-between", paddingVertical: 3 },
  totalStrong: { fontFamily: "Helvetica-Bold", fontSize: 11 },
  notes: { marginTop: 14, color: MUTED },
  pix: {
    marginTop: 20,
    flexDirection: "row",
    borderWidth: 1,
    borderColor: "#a6f2d9",
    backgroundColor: BRAND_BG,
    borderRadius: 6,
    padding: 12,
  },
  qr: { width: 118, height: 118, marginRight: 14, backgroundColor: "#ffffff" },
  pixTitle: { fontSize: 12, fontFamily: "Helvetica-Bold", color: BRAND, marginBottom: 4 },
  pixHelp: { fontSize: 9, color: MUTED, lineHeight: 1.35, marginBottom: 6 },
  code: { fontFamily: "Courier", fontSize: 7, lineHeight: 1.35, color: INK },
  link: { color: BRAND, textDecoration: "none" },
  footer: { position: "absolute", bottom: 26, left: 44, right: 44, flexDirection: "row", alignItems: "flex-end" },
  footerText: { flex: 1, fontSize: 7, color: SUBTLE, lineHeight: 1.4, paddingRight: 16 },
  pageNo: { fontSize: 7, color: SUBTLE },
} satisfies Styles;

/**
 * Copia e cola in lines of at most `width` characters (a BR Code has few spaces to wrap at). A line
 * never starts or ends with a space, which text extraction would drop from the copied code.
 */
export function chunks(text: string, width: number): Array<{ at: number; text: string }> {
  const out: Array<{ at: number; text: string }> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + width);
    while (end < text.length && end > start + 1 && (text[end - 1] === " " || text[end] === " ")) end--;
    out.push({ at: start, text: text.slice(start, end) });
    start = end;
  }
  return out;
}

function VitrineMark({ pdf }: { pdf: ReactPdf }) {
  const { Path, Rect, Svg } = pdf;
  return (
    <Svg width={30} height={30} viewBox="0 0 32 32" style={{ marginRight: 10 }}>
      <Rect width={32} height={32} rx={8} fill={BRAND} />
      <Path d="M7 8.5h18" stroke="#6ee4c2" strokeWidth={2.4} strokeLinecap="round" />
      <Path d="m9.5 13 6.5 11 6.5-11" fill="none" stroke="#ffffff" strokeWidth={3} strokeLinecap="round" />
    </Svg>
  );
}

export function InvoicePdf({ doc, platform, pdf }: { doc: InvoiceDocument; platform: boolean; pdf: ReactPdf }) {
  const { Document, Image, Link, Page, Text, View } = pdf;
  const stamp = STAMP[doc.stamp.key];
  return (
    <Document title={`${doc.title} ${doc.number}`} author={doc.from.name} creator="Vitrine" language={doc.locale}>
      <Page size="A4" style={s.page}>
        <View style={s.header}>
          <View style={s.brand}>
            {doc.logoDataUrl ? (
              <Image src={doc.logoDataUrl} style={s.logo} />
            ) : platform ? (
              <VitrineMark pdf={pdf} />
            ) : null}
            <Text style={s.issuerName}>{doc.from.name}</Text>
          </View>
          <View style={s.titleBox}>
            <Text style={s.title}>{doc.title}</Text>
            <Text style={s.number}>{doc.number}</Text>
            <Text style={[s.stamp, { color: stamp.color, borderColor: stamp.color, backgroundColor: stamp.bg }]}>
              {doc.stamp.label}
            </Text>
          </View>
        </View>

        <View style={s.meta}>
          {doc.meta.map((m) => (
            <View key={m.label} style={s.metaItem}>
              <Text style={s.label}>{m.label}</Text>
              <Text>{m.value}</Text>
            </View>
          ))}
        </View>

        <View style={s.parties}>
          {[
            { label: doc.fromLabel, party: doc.from },
            { label: doc.toLabel, party: doc.to },
          ].map(({ label, party }) => (
            <View key={label} style={s.party}>
              <Text style={s.label}>{label}</Text>
              <Text style={s.partyName}>{party.name}</Text>
              {party.lines.map((line) => (
                <Text key={line} style={s.partyLine}>
                  {line}
                </Text>
              ))}
            </View>
          ))}
        </View>

        <View style={s.table}>
          <View style={s.headRow} fixed>
            <Text style={[s.th, s.cDesc]}>{doc.headers.description}</Text>
            <Text style={[s.th, s.cQty]}>{doc.headers.quantity}</Text>
            <Text style={[s.th, s.cUnit]}>{doc.headers.unitPrice}</Text>
            {doc.showDiscountColumn && <Text style={[s.th, s.cDisc]}>{doc.headers.discount}</Text>}
            <Text style={[s.th, s.cAmount]}>{doc.headers.amount}</Text>
          </View>
          {doc.lines.map((line) => (
            <View key={line.key} style={s.row} wrap={false}>
              <View style={s.cDesc}>
                <Text>{line.description}</Text>
                {line.period && <Text style={s.period}>{line.period}</Text>}
              </View>
              <Text style={s.cQty}>{line.quantity}</Text>
              <Text style={s.cUnit}>{line.unitPrice}</Text>
              {doc.showDiscountColumn && <Text style={s.cDisc}>{line.discount ?? ""}</Text>}
              <Text style={s.cAmount}>{line.amount}</Text>
            </View>
          ))}
        </View>

        <View style={s.totals} wrap={false}>
          {doc.totals.map((row) => (
            <View key={row.label} style={s.totalRow}>
              <Text style={row.strong ? s.totalStrong : undefined}>{row.label}</Text>
              <Text style={row.strong ? s.totalStrong : undefined}>{row.value}</Text>
            </View>
          ))}
        </View>

        {doc.notes.length > 0 && (
          <View style={s.notes}>
            {doc.notes.map((n) => (
              <Text key={n}>{n}</Text>
            ))}
          </View>
        )}

        {doc.payOnline && (
          <Text style={[s.notes, { color: INK }]}>
            {doc.payOnline.label}:{" "}
            <Link src={doc.payOnline.url} style={s.link}>
              {doc.payOnline.url}
            </Link>
          </Text>
        )}

        {doc.pix && (
          <View style={s.pix} wrap={false}>
            <Image src={doc.pix.qrPngDataUrl} style={s.qr} />
            <View style={{ flex: 1 }}>
              <Text style={s.pixTitle}>{doc.pix.title}</Text>
              <Text style={s.pixHelp}>{doc.pix.help}</Text>
              {chunks(doc.pix.brCode, 78).map((part) => (
                <Text key={part.at} style={s.code}>
                  {part.text}
                </Text>
              ))}
              {doc.pix.reference && <Text style={[s.pixHelp, { marginTop: 6 }]}>{doc.pix.reference}</Text>}
            </View>
          </View>
        )}

        <View style={s.footer} fixed>
          <Text style={s.footerText}>{doc.footer}</Text>
          <Text
            style={s.pageNo}
            render={({ pageNumber, totalPages }) =>
              doc.pageLabel.replace("{page}", String(pageNumber)).replace("{pages}", String(totalPages))
            }
          />
        </View>
      </Page>
    </Document>
  );
}
