#!/usr/bin/python3
"""Generate the fictional PDF sample minutes used by arkiv's tests.

Usage:
    make-pdfs.py [OUTDIR]

OUTDIR defaults to the directory "pdf" next to this script.  It is created
if it does not exist.  Requires pycairo (module ``cairo``) for the system
Python (/usr/bin/python3) and the "DejaVu Sans" font (via fontconfig).

All minutes text is defined in this file.  Everything is fictional.
Output is deterministic as far as cairo allows: the PDF CreationDate is set
explicitly for every file; the Producer string contains the cairo version.

Files written (see samples/README.md for details):
  asu-2024-06-11-referat.pdf          one column, running header, "Side N av M",
                                      hyphenation and a page-break split
  fps-2024-09-05-referat-tospalte.pdf agenda table + two-column body text
  fsu-2025-03-12-nynorsk.pdf          nynorsk minutes
  eldreradet-2023-11-20-metadata.pdf  no date in text; Title/Author/CreateDate
  skannet-2022-notext.pdf             shapes only, no text layer

Every PDF with a text layer contains the word "samhandlingsavvik"; the
scanned one carries it only in its Keywords metadata.
"""

import os
import random
import sys

import cairo

A4_W, A4_H = 595.276, 841.89
FONT = "DejaVu Sans"


# --------------------------------------------------------------------------
# small drawing helpers

def set_font(ctx, size, bold=False):
    ctx.select_font_face(
        FONT, cairo.FONT_SLANT_NORMAL,
        cairo.FONT_WEIGHT_BOLD if bold else cairo.FONT_WEIGHT_NORMAL)
    ctx.set_font_size(size)


def text_width(ctx, s):
    return ctx.text_extents(s).x_advance


def draw_text(ctx, x, y, s):
    ctx.move_to(x, y)
    ctx.show_text(s)


def wrap(ctx, text, width):
    """Greedy word wrap of one paragraph with the current font."""
    lines, cur = [], ""
    for word in text.split():
        cand = word if not cur else cur + " " + word
        if cur and text_width(ctx, cand) > width:
            lines.append(cur)
            cur = word
        else:
            cur = cand
    if cur:
        lines.append(cur)
    return lines


def new_surface(path, create_date, meta=None):
    surf = cairo.PDFSurface(path, A4_W, A4_H)
    surf.set_metadata(cairo.PDFMetadata.CREATE_DATE, create_date)
    for key, value in (meta or {}).items():
        surf.set_metadata(key, value)
    return surf


# --------------------------------------------------------------------------
# one-column documents with manually broken lines
#
# Each entry of a line list is one output line:
#   "# text"  bold line (heading)
#   ""        empty line
#   "\f"      forced page break
#   anything else: normal line, drawn exactly as written (so line-end
#   hyphenation and splits are under our control).

def paginate(lines, per_page):
    pages, cur = [], []
    for ln in lines:
        if ln == "\f":
            pages.append(cur)
            cur = []
            continue
        if len(cur) >= per_page:
            pages.append(cur)
            cur = []
        if not cur and ln == "":
            continue            # no empty line at the top of a page
        cur.append(ln)
    if cur:
        pages.append(cur)
    return pages


def one_column_pdf(path, lines, create_date, header=None, footer=True,
                   meta=None, size=10, leading=14.0):
    left, right = 62.0, 62.0
    top, bottom = 84.0, 784.0
    width = A4_W - left - right
    per_page = int((bottom - top) // leading) + 1

    surf = new_surface(path, create_date, meta)
    ctx = cairo.Context(surf)

    # sanity: every manual line must fit the text width
    for ln in lines:
        if ln in ("", "\f"):
            continue
        bold = ln.startswith("# ")
        set_font(ctx, size, bold)
        s = ln[2:] if bold else ln
        if text_width(ctx, s) > width:
            raise SystemExit("%s: line too wide: %r" % (path, s))

    pages = paginate(lines, per_page)
    total = len(pages)
    for n, page in enumerate(pages, 1):
        ctx.set_source_rgb(0, 0, 0)
        if header:
            set_font(ctx, 9)
            draw_text(ctx, left, 46, header)
            ctx.set_line_width(0.6)
            ctx.move_to(left, 52)
            ctx.line_to(A4_W - right, 52)
            ctx.stroke()
        if footer:
            set_font(ctx, 9)
            s = "Side %d av %d" % (n, total)
            ctx.set_line_width(0.6)
            ctx.move_to(left, 800)
            ctx.line_to(A4_W - right, 800)
            ctx.stroke()
            draw_text(ctx, (A4_W - text_width(ctx, s)) / 2, 815, s)
        y = top
        for ln in page:
            if ln:
                bold = ln.startswith("# ")
                set_font(ctx, size, bold)
                draw_text(ctx, left, y, ln[2:] if bold else ln)
            y += leading
        ctx.show_page()
    surf.finish()
    return total


# --------------------------------------------------------------------------
# 1. ASU 11.06.2024: header, "Side N av M", hyphenation, page-break split

ASU_LINES = [
    "# Referat fra møte i Administrativt samarbeidsutvalg (ASU)",
    "",
    "Møtedato: 11.06.2024 kl. 15.00–17.30",
    "Møtested: Steinkjer, møterom Bølaelva",
    "",
    "Til stede: Gunnhild Øyås (leder, kommunene), Torstein Ålmo (HNT), Randi",
    "Sjøvæg (HNT, KMR), Marte Lien Fjærli (Værnesregionen), Per Arne Skjærvø (Inn-",
    "Trøndelag), Håkon Vestrum (Midtre Namdal), Tone Grønnesby (Indre Namdal),",
    "Eldbjørg Tverås (brukerrepresentant HNT) og Sigrid Åsheim (brukerrepresentant",
    "kommunene).",
    "Forfall: Oddvar Rønningen (HNT, KK), Bjørnar Helstad (vara HNT)",
    "Møteleder: Gunnhild Øyås           Referent: Silje Mærk Tangstad",
    "",
    "# Sak 15/24 Godkjenning av innkalling, saksliste og protokoll fra 22.05.2024",
    "Vedtak: Innkalling, saksliste og protokoll godkjent uten merknader.",
    "",
    "# Sak 16/24 Årsrapport for samhandlingsavvik 2023",
    "Saksansvarlig: Lise Kverndal",
    "Rapporten er utarbeidet av sekretariatet. Lise Kverndal innledet, og Jørund Fløan redeg-",
    "jorde for hovedfunnene. Det ble meldt 412 samhandlingsavvik i 2023, mot 388 året",
    "før. De fleste gjelder manglende eller forsinket informasjon ved utskrivning.",
    "Avvikene meldes nå i felles kvalitetsportal for helsefellesskapet, og det er",
    "blitt enklere for kommunene å følge opp egne meldinger.",
    "Innspill:",
    "– Kommunene ønsker raskere tilbakemelding på avvik som sendes til sykehuset.",
    "– Brukerrepresentantene ba om at rapporten også omtaler pasientens opplevelse.",
    "– Avvik om legemiddellister bør ses i sammenheng med prosjekt HARMONI.",
    "Vedtak: ASU tar årsrapporten til orientering. Rapporten publiseres på nettsidene.",
    "",
    "# Sak 17/24 Prosjekt HARMONI – status",
    "Saksansvarlig: Randi Sjøvæg",
    "Viser til ASU-sak 13/24 (oppstart) og til behandling i Fagråd for",
    "pasientsamarbeid tidligere samme dag (FPS-sak 10/24). Prosjektgruppen er",
    "etablert, og piloten i Værnesregionen starter i oktober. Midtre Namdal er med",
    "fra 2025. Det er laget et utkast til felles rutine for legemiddelsamstemming",
    "ved innleggelse og utskrivning.",
    "Vedtak: ASU tar statusen til orientering. Saken legges fram for Strategisk",
    "samarbeidsutvalg i november.",
    "",
    "# Sak 18/24 Palliativ plan – mandat for arbeidsgruppe",
    "Saksansvarlig: Ingeborg Flatø",
    "Fagråd for pasientsamarbeid opprettet i møtet tidligere i dag en arbeidsgruppe",
    "som skal lage en felles mal (FPS-sak 11/24). ASU ble bedt om å godkjenne",
    "mandatet. Målet er at en felles, enkel og alltid oppdatert palliativ",
    "plan skal følge pasienten mellom fastlege, hjemmesykepleie og sykehus, og at",
    "pasient og pårørende selv skal eie planen. Arbeidsgruppa skal se på modeller fra",
    "andre helsefellesskap og vurdere om malen kan brukes uavhengig av diagnose.",
    "Flere pekte på at fastlegens rolle må være tydelig, og at en felles palliativ",
    "\f",
    "plan må være lett å finne i journalsystemene i både kommune og sykehus.",
    "Innspill:",
    "– Koordinator bør oppnevnes tidlig i forløpet.",
    "– Planen må ikke bli for omfattende; kort og oversiktlig er viktigst.",
    "– Pasienter med demens må tas med i arbeidet fra starten.",
    "Vedtak:",
    "1. ASU godkjenner mandatet for arbeidsgruppa.",
    "2. Arbeidsgruppa legger fram forslag til mal innen utgangen av januar 2025.",
    "",
    "# Sak 19/24 «Hjem til hjem» – rapport fra styringsgruppa",
    "Saksansvarlig: Hilde Storøy Nesset",
    "Prosjektet har kommet i gang i alle regioner. Innleggelsessamtale er prøvd ut i",
    "tre kommuner med gode erfaringer. Styringsgruppa vil evaluere de tolv",
    "forbedringsområdene i løpet av høsten og eventuelt foreslå færre tiltak.",
    "Vedtak: ASU tar rapporten til orientering og ber om evaluering til ASU i",
    "desember.",
    "",
    "# Sak 20/24 Eventuelt",
    "Per Arne Skjærvø orienterte om at Inn-Trøndelag ønsker å være med i fase 2 av",
    "HARMONI. Tas med i statusrapporten til SSU.",
    "",
    "Neste møte: 18.09.2024 kl. 12.00, Teams.",
]


# --------------------------------------------------------------------------
# 2. FPS 05.09.2024: agenda table + two-column body

FPS_AGENDA = [
    ("Kl.", "Sak", "Tittel", "Ansvarlig", "Min."),
    ("13.00- 13.10", "13/24", "Godkjenning av innkalling og saksliste",
     "Randi Sjøvæg", "10"),
    ("13.10- 13.30", "14/24", "Helseplattformen", "Kari Nordvik", "20"),
    ("13.30- 14.10", "15/24", "Årsrapport samhandlingsavvik 2023",
     "Lise Kverndal", "40"),
    ("14.10- 14.20", "", "Pause", "", "10"),
    ("14.20- 14.50", "16/24", "Ungdomsrådet og brukermedvirkning",
     "Camilla Strand Rødsjø", "30"),
    ("14.50- 15.20", "17/24", "HARMONI – status fra piloten",
     "Randi Sjøvæg", "30"),
    ("15.20- 15.30", "18/24", "Eventuelt", "Randi Sjøvæg", "10"),
]

# Each column is a list of (bold, paragraph) pairs.  The two columns on a
# page deliberately use unrelated vocabulary so interleaving is easy to see.
FPS_PAGE1_LEFT = [
    (True, "Sak 15/24 Årsrapport samhandlingsavvik 2023"),
    (False, "Lise Kverndal presenterte årsrapporten. Antallet meldte "
            "samhandlingsavvik økte med fjorten prosent fra året før, mest "
            "fordi flere kommuner nå melder systematisk. Det er fortsatt "
            "manglende epikrise og uklare legemiddellister som dominerer."),
    (False, "Sykehuset melder færre avvik enn kommunene. Det skyldes trolig "
            "at avvik ved innleggelse ikke blir fanget opp i klinikkene."),
    (True, "Konklusjon:"),
    (False, "Fagrådet slutter seg til rapporten og ber om at avvik om "
            "legemidler sendes videre til prosjektgruppen i HARMONI."),
]

FPS_PAGE1_RIGHT = [
    (True, "Sak 16/24 Ungdomsrådet og brukermedvirkning"),
    (False, "Camilla Strand Rødsjø fortalte om ungdomsrådet ved sykehuset. "
            "Rådet har tolv medlemmer mellom 14 og 24 år, og de møtes fire "
            "ganger i semesteret for å gi råd om skjemaer, ventetider og "
            "overgangen fra barneavdeling til voksenavdeling."),
    (False, "Ungdommene ønsker seg en egen kontaktperson i kommunen når de "
            "flytter hjemmefra og bytter fastlege."),
    (True, "Konklusjon:"),
    (False, "Fagrådet inviterer to ungdomsrepresentanter til møtet i "
            "november."),
]

FPS_PAGE2_LEFT = [
    (True, "Sak 13/24 Godkjenning av innkalling og saksliste"),
    (False, "Innkalling, saksliste og referat fra møtet 11.06.24 ble "
            "godkjent uten merknader. Referatet er satt som tospaltetekst "
            "etter ønske fra sekretariatet."),
    (True, "Sak 14/24 Helseplattformen"),
    (False, "Kari Nordvik orienterte om ny versjon av meldingsmodulen. "
            "Pleie- og omsorgsmeldinger skal nå komme fram samme dag, men "
            "flere kommuner opplever fortsatt at vedlegg forsvinner på veien. "
            "Hjemmetjenesten i Levanger har laget en egen sjekkliste for "
            "mottak som andre kan bruke."),
    (True, "Konklusjon:"),
    (False, "Fagrådet tar orienteringen til etterretning."),
]

FPS_PAGE2_RIGHT = [
    (True, "Sak 17/24 HARMONI – status fra piloten"),
    (False, "Randi Sjøvæg viste tall fra de første ukene i Værnesregionen. "
            "Farmasøyten har gjennomgått legemiddellisten for 46 pasienter "
            "før utskrivning, og det ble funnet uoverensstemmelser hos om "
            "lag hver tredje pasient. Fastlegene i Stjørdal har gitt positive "
            "tilbakemeldinger."),
    (True, "Konklusjon:"),
    (False, "Fagrådet tar statusen til orientering, jf. ASU-sak 13/24."),
    (True, "Sak 18/24 Eventuelt"),
    (False, "Ingen saker."),
]


def draw_column(ctx, x, y, width, paras, size=9.5, leading=13.0):
    for bold, para in paras:
        set_font(ctx, size, bold)
        for ln in wrap(ctx, para, width):
            draw_text(ctx, x, y, ln)
            y += leading
        y += leading * 0.5
    return y


def draw_table(ctx, x, y, widths, rows, size=9, row_h=17.0):
    total_w = sum(widths)
    ctx.set_line_width(0.7)
    for r, row in enumerate(rows):
        set_font(ctx, size, bold=(r == 0))
        if r == 0:
            ctx.set_source_rgb(0.88, 0.88, 0.88)
            ctx.rectangle(x, y, total_w, row_h)
            ctx.fill()
            ctx.set_source_rgb(0, 0, 0)
        cx = x
        for w, cell in zip(widths, row):
            if text_width(ctx, cell) > w - 8:
                raise SystemExit("table cell too wide: %r" % cell)
            draw_text(ctx, cx + 4, y + row_h - 5, cell)
            cx += w
        y += row_h
    # grid
    n = len(rows)
    top = y - n * row_h
    for i in range(n + 1):
        ctx.move_to(x, top + i * row_h)
        ctx.line_to(x + total_w, top + i * row_h)
    cx = x
    for w in [0] + list(widths):
        cx += w
        ctx.move_to(cx, top)
        ctx.line_to(cx, y)
    ctx.stroke()
    return y


def make_fps(path):
    surf = new_surface(path, "2024-09-06T08:00:00")
    ctx = cairo.Context(surf)
    left = 56.0
    width = A4_W - 2 * left
    gap = 24.0
    col_w = (width - gap) / 2
    col2 = left + col_w + gap

    # page 1
    set_font(ctx, 9)
    draw_text(ctx, left, 44, "Fagråd for pasientsamarbeid – Helsefellesskapet i nordre Trøndelag")
    set_font(ctx, 15, True)
    draw_text(ctx, left, 78, "Referat fra møte i Fagråd for pasientsamarbeid")
    set_font(ctx, 10)
    y = 102
    for ln in ["Dato: 05.09.2024 kl. 13.00–15.30",
               "Sted: Teams"]:
        draw_text(ctx, left, y, ln)
        y += 14
    y += 4
    attend = ("Til stede: Randi Sjøvæg (HNT, KMR), Ingeborg Flatø (Levanger, "
              "Verdal, Frosta), Marte Lien Fjærli (Værnesregionen), Nils Olav "
              "Værdal (HNT, KMN), Synnøve Rokstad (HNT, KK), Tuva Engdal (Indre "
              "Namdal), Camilla Strand Rødsjø (brukerrepresentant HNT), Geir "
              "Sandvær (brukerrepresentant kommunene), Lise Kverndal "
              "(sekretariat), Kari Nordvik (Helseplattformen, sak 14/24).")
    for ln in wrap(ctx, attend, width):
        draw_text(ctx, left, y, ln)
        y += 14
    draw_text(ctx, left, y, "Forfall: Roar Liavåg (Ytre Namdal), Marit Ekle (Inn-Trøndelag)")
    y += 14
    draw_text(ctx, left, y, "Møteleder: Randi Sjøvæg    Referent: Sunniva Haugrønning")
    y += 26
    set_font(ctx, 11, True)
    draw_text(ctx, left, y, "Sakliste")
    y += 8
    y = draw_table(ctx, left, y, [80, 44, 196, 124, 39], FPS_AGENDA)
    y += 30
    ctx.set_line_width(0.5)
    ctx.move_to(left + col_w + gap / 2, y - 12)
    ctx.line_to(left + col_w + gap / 2, 780)
    ctx.stroke()
    draw_column(ctx, left, y, col_w, FPS_PAGE1_LEFT)
    draw_column(ctx, col2, y, col_w, FPS_PAGE1_RIGHT)
    ctx.show_page()

    # page 2
    set_font(ctx, 9)
    draw_text(ctx, left, 44, "Fagråd for pasientsamarbeid – referat 05.09.2024, side 2")
    y = 84
    ctx.set_line_width(0.5)
    ctx.move_to(left + col_w + gap / 2, y - 12)
    ctx.line_to(left + col_w + gap / 2, 400)
    ctx.stroke()
    y1 = draw_column(ctx, left, y, col_w, FPS_PAGE2_LEFT)
    y2 = draw_column(ctx, col2, y, col_w, FPS_PAGE2_RIGHT)
    y = max(y1, y2, 400) + 20
    set_font(ctx, 10)
    draw_text(ctx, left, y, "Neste møte: 14.11.2024 kl. 13.00 på Teams.")
    ctx.show_page()
    surf.finish()


# --------------------------------------------------------------------------
# 3. FSU 12.03.2025, nynorsk

FSU_LINES = [
    "# Referat frå møte i Fagleg samarbeidsutval",
    "# for eldre og personar med fleire kroniske lidingar",
    "",
    "Stad: Teams",
    "Dato: 12.03.2025, kl. 12.30–15.00",
    "",
    "Til stades: Åshild Nærø Hovden (leiar, kommunane), Eirik Rørstad (nestleiar,",
    "helseføretaket), Gunvor Skjelbred (Fjordbu kommune), Torleiv Ørsnes",
    "(helseføretaket), Synnøve Håvik Langlo (Nordvika kommune), Ola Mjøsund Fiskå",
    "(brukarrepresentant) og Leiv Arne Sæbø (sekretariatet).",
    "Forfall: Brita Grødem (helseføretaket)",
    "Møteleiar: Åshild Nærø Hovden",
    "Referent: Leiv Arne Sæbø",
    "",
    "# Sak 05/25 Godkjenning av innkalling og saksliste",
    "Framlegg til vedtak: Innkalling og saksliste vert godkjende.",
    "Vedtak: Samrøystes som framlegg.",
    "",
    "# Sak 06/25 Årsmelding om samhandlingsavvik 2024",
    "Saksansvarleg: Leiv Arne Sæbø",
    "Det vart meldt 231 samhandlingsavvik i 2024. Dei fleste gjeld manglande",
    "informasjon ved utskriving og feil i legemiddellista. Kommunane melder fleire",
    "avvik enn før, noko utvalet meiner er eit teikn på betre meldekultur.",
    "Framlegg til vedtak: FSU tek årsmeldinga til vitande.",
    "Vedtak: Samrøystes som framlegg.",
    "",
    "# Sak 07/25 Palliativ plan – erfaringar frå utprøvinga",
    "Saksansvarleg: Eirik Rørstad",
    "Malen vart teken i bruk i Fjordbu og Nordvika i januar, jf. sak 23/24.",
    "Erfaringane så langt er gode, men fastlegane etterlyser ei kortare utgåve.",
    "Utvalet bad om ei nynorskprøve av malen før han vert send ut til alle",
    "kommunane, sidan fleire av kommunane har nynorsk som målform.",
    "Framlegg til vedtak:",
    "1. FSU tek erfaringane til vitande.",
    "2. Arbeidsgruppa lagar ei kortare utgåve av malen på bokmål og nynorsk.",
    "Vedtak: Samrøystes som framlegg.",
    "",
    "# Sak 08/25 Eventuelt",
    "Ingen saker.",
    "",
    "Neste møte: 7. mai 2025 på Teams.",
]


# --------------------------------------------------------------------------
# 4. Eldrerådet, no date in the text; date only in the PDF metadata

ELDRE_LINES = [
    "# STORLIA KOMMUNE",
    "# Møteprotokoll – Eldrerådet",
    "",
    "Møtested: Storlia rådhus, formannskapssalen",
    "Tid: kl. 10.00 – 12.30",
    "",
    "Til stede: Olaug Brennhaug (leder), Kåre Hjulstad (nestleder), Solbjørg",
    "Tangvik, Reidar Sjøvæg og Bodil Grøndahl Aasen.",
    "Forfall: Ivar Skjærstad. Vara: Astri Lysgård.",
    "Fra administrasjonen: Tor-Erik Nyhaug (kommunalsjef helse og omsorg) og",
    "Ellen Bøe Stuevold (sekretær).",
    "",
    "# SAK 21/23: Godkjenning av innkalling og saksliste",
    "Vedtak: Enstemmig godkjent.",
    "",
    "# SAK 22/23: Orientering om samarbeidet med sykehuset",
    "Kommunalsjefen orienterte om samhandlingsavvik mellom Storlia helsetun og",
    "sykehuset. De fleste avvikene gjelder pasienter som blir skrevet ut sent på",
    "kvelden uten oppdatert legemiddelliste. Rådet mener dette er uverdig for",
    "eldre pasienter og ber om at saken tas opp med sykehuset.",
    "Vedtak: Eldrerådet ber kommunalsjefen ta opp utskrivning på kveldstid i",
    "samarbeidsmøtet med sykehuset og orientere rådet om resultatet.",
    "",
    "# SAK 23/23: Budsjett og økonomiplan – helse og omsorg",
    "Rådet ga uttrykk for tilfredshet med at korttidsplassene på Storlia helsetun",
    "beholdes, og at dagsenteret i Østbygda er videreført.",
    "Vedtak: Eldrerådet tar budsjettforslaget til orientering.",
    "",
    "# SAK 24/23: Eventuelt",
    "Solbjørg Tangvik takket for en vellykket eldredag.",
    "",
    "Neste møte: etter nyttår, innkalling kommer.",
    "",
    "Arkivnotat: protokollen har ingen møtedato i teksten; arkivet bruker",
    "metadatadato fra dokumentet.",
]


# --------------------------------------------------------------------------
# 5. "Scanned" page: shapes only, no text at all

def make_scan(path):
    surf = new_surface(path, "2022-05-10T08:30:00", {
        cairo.PDFMetadata.TITLE: "Skannet dokument",
        cairo.PDFMetadata.KEYWORDS: "samhandlingsavvik, skannerside",
    })
    ctx = cairo.Context(surf)
    rnd = random.Random(2022)

    # slightly grey paper with darker scan edges
    ctx.set_source_rgb(0.96, 0.955, 0.94)
    ctx.paint()
    ctx.set_source_rgb(0.75, 0.75, 0.73)
    ctx.rectangle(0, 0, 14, A4_H)
    ctx.rectangle(A4_W - 9, 0, 9, A4_H)
    ctx.fill()

    # the page content is slightly skewed, as from a scanner feed
    ctx.save()
    ctx.translate(A4_W / 2, A4_H / 2)
    ctx.rotate(0.008)
    ctx.translate(-A4_W / 2, -A4_H / 2)

    # "logo" box and title bar
    ctx.set_source_rgb(0.2, 0.2, 0.22)
    ctx.rectangle(60, 50, 46, 46)
    ctx.fill()
    ctx.rectangle(120, 62, 260, 14)
    ctx.fill()
    ctx.rectangle(120, 82, 170, 8)
    ctx.fill()

    # paragraphs of "text lines" drawn as thin bars
    y = 130.0
    ctx.set_source_rgb(0.15, 0.15, 0.17)
    for para in range(9):
        ctx.rectangle(60, y, rnd.uniform(140, 260), 9)   # heading
        ctx.fill()
        y += 20
        for i in range(rnd.randint(3, 6)):
            w = 470 if i < 2 else rnd.uniform(200, 470)
            ctx.rectangle(60, y, w, 5.5)
            ctx.fill()
            y += 12
        y += 14
        if y > 610:
            break

    # signature scribble and a round stamp
    ctx.set_line_width(1.4)
    ctx.move_to(360, 740)
    ctx.curve_to(380, 710, 400, 770, 420, 735)
    ctx.curve_to(435, 715, 450, 760, 480, 730)
    ctx.stroke()
    ctx.set_source_rgb(0.25, 0.3, 0.55)
    ctx.set_line_width(2.0)
    ctx.arc(120, 740, 32, 0, 6.2832)
    ctx.stroke()
    ctx.arc(120, 740, 24, 0, 6.2832)
    ctx.stroke()
    ctx.restore()

    # scanner dust
    ctx.set_source_rgb(0.4, 0.4, 0.4)
    for _ in range(60):
        ctx.rectangle(rnd.uniform(20, A4_W - 20), rnd.uniform(20, A4_H - 20),
                      rnd.uniform(0.6, 1.6), rnd.uniform(0.6, 1.6))
    ctx.fill()
    ctx.show_page()
    surf.finish()


# --------------------------------------------------------------------------

def main(argv):
    if len(argv) > 2:
        sys.exit("usage: make-pdfs.py [OUTDIR]")
    here = os.path.dirname(os.path.abspath(__file__))
    outdir = argv[1] if len(argv) == 2 else os.path.join(here, "pdf")
    os.makedirs(outdir, exist_ok=True)
    out = lambda name: os.path.join(outdir, name)

    one_column_pdf(out("asu-2024-06-11-referat.pdf"), ASU_LINES,
                   "2024-06-12T09:00:00",
                   header="Administrativt samarbeidsutvalg – referat")
    make_fps(out("fps-2024-09-05-referat-tospalte.pdf"))
    one_column_pdf(out("fsu-2025-03-12-nynorsk.pdf"), FSU_LINES,
                   "2025-03-13T09:00:00",
                   header="Helsefellesskapet Vestfjord – Fagleg samarbeidsutval")
    one_column_pdf(out("eldreradet-2023-11-20-metadata.pdf"), ELDRE_LINES,
                   "2023-11-20T10:00:00", footer=False, meta={
                       cairo.PDFMetadata.TITLE:
                           "Møteprotokoll – Eldrerådet i Storlia kommune",
                       cairo.PDFMetadata.AUTHOR: "Ellen Bøe Stuevold",
                   })
    make_scan(out("skannet-2022-notext.pdf"))
    for name in sorted(os.listdir(outdir)):
        if name.endswith(".pdf"):
            print(out(name))


if __name__ == "__main__":
    main(sys.argv)
