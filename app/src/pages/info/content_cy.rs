//! The information pages in Welsh: the same pages as [`super::content::EN`], in the same order,
//! at the same addresses, block for block (a test keeps the two in step). Written for this
//! product in plain Welsh for parents; NACCC's Welsh translator should review it before it goes
//! live. `{draft}`, `{idle}` and `{kept}` are filled in with Welsh words when the page is drawn.

use super::content::Block::{Heading, Link, List, Para};
use super::content::InfoPage;

pub const CY: &[InfoPage] = &[
    InfoPage {
        slug: "what-is-a-child-contact-centre",
        title: "Beth yw canolfan cyswllt plant",
        summary: "Lle diogel a chyfeillgar lle gall plant dreulio amser gyda rhiant nad ydyn nhw'n byw gydag ef neu hi.",
        blocks: &[
            Para(
                "Mae canolfan cyswllt plant yn lle diogel a chyfeillgar. Yno, mae plant o deuluoedd sydd wedi gwahanu yn treulio amser gyda rhiant nad ydyn nhw'n byw gydag ef neu hi. Weithiau mae aelodau eraill o'r teulu yn dod hefyd.",
            ),
            Para(
                "Mae canolfannau'n aml mewn neuadd eglwys, canolfan deulu neu adeilad cymunedol. Mae ganddyn nhw deganau, gemau a llyfrau i blant o bob oed.",
            ),
            Para(
                "Mae'r rhan fwyaf o deuluoedd yn defnyddio canolfan am ychydig fisoedd. Mae'n help tra bo'r teulu'n dod o hyd i ffordd o drefnu cyswllt ar eu pennau eu hunain.",
            ),
            Heading("Pwy sy'n eu rhedeg"),
            Para(
                "Grwpiau lleol sy'n rhedeg y canolfannau. Gwirfoddolwyr hyfforddedig sy'n rhedeg llawer ohonyn nhw. Mae pob canolfan yn y gwasanaeth hwn yn aelod o NACCC, Cymdeithas Genedlaethol y Canolfannau Cyswllt Plant.",
            ),
            Para(
                "Mae NACCC yn gwirio pob canolfan yn erbyn ei Safonau Cenedlaethol. Achrediad yw'r enw ar hyn. Mae llysoedd a Cafcass yn atgyfeirio teuluoedd i ganolfannau achrededig.",
            ),
            Heading("Ble maen nhw"),
            Para("Mae tua 340 o ganolfannau yng Nghymru, Lloegr, Gogledd Iwerddon ac Ynysoedd y Sianel."),
            Link("/find-a-centre", "Dod o hyd i ganolfan yn agos atoch chi"),
        ],
    },
    InfoPage {
        slug: "supported-and-supervised-contact",
        title: "Cyswllt gyda chymorth a chyswllt dan oruchwyliaeth",
        summary: "Y ddau fath o gyswllt, a sut i wybod pa un sydd ei angen ar eich teulu.",
        blocks: &[
            Heading("Cyswllt gyda chymorth"),
            Para("Mae cyswllt gyda chymorth ar gyfer teuluoedd lle nad oes pryderon difrifol am ddiogelwch plentyn."),
            Para(
                "Mae sawl teulu'n defnyddio'r un ystafell ar yr un pryd. Mae staff neu wirfoddolwyr yno i helpu a chadw llygad ar bethau. Dydyn nhw ddim yn gwylio nac yn ysgrifennu popeth sy'n digwydd.",
            ),
            Heading("Cyswllt dan oruchwyliaeth"),
            Para(
                "Mae cyswllt dan oruchwyliaeth ar gyfer plant sydd wedi cael niwed, neu a allai fod mewn perygl o gael niwed, yn ystod cyswllt.",
            ),
            Para(
                "Mae aelod o staff hyfforddedig yn aros gyda'r plentyn a'r rhiant drwy'r amser. Maen nhw'n gwylio ac yn gwrando, a gallan nhw ysgrifennu adroddiad. Fel arfer, mae cyswllt dan oruchwyliaeth ar gyfer un teulu ar y tro.",
            ),
            Para("Mae canolfannau sy'n cynnig cyswllt dan oruchwyliaeth yn bodloni Safonau Cenedlaethol Uwch NACCC."),
            Heading("Pa un sydd ei angen arnoch chi"),
            Para(
                "Os yw llys neu Cafcass yn rhan o bethau, efallai y byddan nhw'n dweud pa fath sydd ei angen arnoch chi. Os nad ydych chi'n siŵr, mae'r ffurflen atgyfeirio yn gofyn cwestiynau sy'n helpu'r ganolfan i benderfynu. Gallwch chi hefyd ffonio'r llinell wybodaeth.",
            ),
            Link("/information/information-line", "Ffonio'r llinell wybodaeth"),
        ],
    },
    InfoPage {
        slug: "making-a-referral",
        title: "Pwy all atgyfeirio, a sut",
        summary: "Gall rhieni atgyfeirio eu hunain. Gall cyfreithwyr, llysoedd, Cafcass ac eraill atgyfeirio hefyd.",
        blocks: &[
            Para(
                "Cyn y gall teulu ddefnyddio canolfan, rhaid i rywun anfon atgyfeiriad at y ganolfan. Ffurflen yw atgyfeiriad. Mae'n dweud wrth y ganolfan am y teulu a beth sydd ei angen arno.",
            ),
            Heading("Pwy all atgyfeirio"),
            List(&[
                "rhiant (hunanatgyfeirio yw'r enw ar hyn)",
                "cyfreithiwr teulu",
                "cyfryngwr teulu",
                "llys",
                "swyddog Cafcass neu Cafcass Cymru",
                "awdurdod lleol neu wasanaethau plant",
                "canolfan cyswllt plant arall",
            ]),
            Heading("Sut i atgyfeirio"),
            Para(
                "Yn gyntaf, dewch o hyd i ganolfan yn agos atoch chi sy'n derbyn atgyfeiriadau ar-lein. Yna dechreuwch atgyfeiriad o dudalen y ganolfan. Mae'r ffurflen yn gofyn un cwestiwn ar y tro.",
            ),
            Para(
                "Gallwch chi gadw eich atebion a dod yn ôl yn nes ymlaen. Mae eich atebion yn cael eu cadw am {draft} ar ôl i chi eu cadw ddiwethaf.",
            ),
            Para(
                "Gallwch chi wahodd y rhiant arall i ychwanegu eu rhan eu hunain. Nid yw'r un o'r ddau riant yn gweld beth ysgrifennodd y llall, na ble mae'n byw.",
            ),
            Heading("Ar ôl i chi ei anfon"),
            Para(
                "Byddwch chi'n cael cyfeirnod. Cadwch ef yn ddiogel. Bydd y ganolfan yn darllen eich atgyfeiriad ac yn cysylltu â chi. Gallwch chi wirio sut mae'n dod yn ei flaen gyda'ch cyfeirnod a'ch cod.",
            ),
            Link("/refer", "Dechrau atgyfeiriad"),
        ],
    },
    InfoPage {
        slug: "the-first-visit",
        title: "Yr ymweliad ymlaen llaw a'r sesiwn gyntaf",
        summary: "Beth sy'n digwydd cyn y sesiwn gyntaf, ac ar y diwrnod.",
        blocks: &[
            Heading("Yr ymweliad ymlaen llaw"),
            Para(
                "Cyn i gyswllt ddechrau, mae'r ganolfan fel arfer yn gwahodd pob rhiant i ymweliad ymlaen llaw. Mae'r rhieni'n dod ar adegau gwahanol, felly dydyn nhw ddim yn cyfarfod.",
            ),
            Para(
                "Yn yr ymweliad ymlaen llaw, byddwch chi'n gweld yr ystafelloedd ac yn cyfarfod â'r bobl sy'n rhedeg y ganolfan. Byddan nhw'n esbonio rheolau'r ganolfan ac yn ateb eich cwestiynau. Efallai y gall eich plentyn ddod hefyd, fel bod y lle'n teimlo'n gyfarwydd.",
            ),
            Heading("Y sesiwn gyntaf"),
            Para(
                "Y rhiant y mae'r plentyn yn byw gydag ef neu hi sy'n dod â'r plentyn. Mae'r rhiant arall yn cyrraedd ar amser gwahanol, ac yn gadael ar amser gwahanol. Does dim rhaid i'r rhieni weld ei gilydd.",
            ),
            Para(
                "Mae staff neu wirfoddolwyr yn aros gerllaw. Os yw plentyn yn ofidus, byddan nhw'n helpu. Os yw unrhyw un yn teimlo'n anniogel, gallan nhw ddweud wrth aelod o staff ar unrhyw adeg.",
            ),
            Heading("Pethau i ddod gyda chi"),
            List(&[
                "rhywbeth y mae eich plentyn yn hoffi chwarae ag ef",
                "byrbryd a diod",
                "unrhyw beth y gofynnodd y ganolfan i chi ddod gyda chi",
            ]),
        ],
    },
    InfoPage {
        slug: "costs",
        title: "Faint mae'n ei gostio",
        summary: "Mae'r ffioedd yn wahanol o ganolfan i ganolfan: gofynnwch cyn i chi ddechrau.",
        blocks: &[
            Para(
                "Mae pob canolfan yn pennu ei ffioedd ei hun. Mae llawer o ganolfannau cyswllt gyda chymorth yn gofyn am daliad bach neu rodd ar gyfer pob sesiwn. Mae rhai am ddim.",
            ),
            Para(
                "Mae cyswllt dan oruchwyliaeth fel arfer yn costio mwy, oherwydd bod aelod o staff hyfforddedig yn aros gyda phob teulu drwy'r sesiwn gyfan.",
            ),
            Para(
                "Bydd y ganolfan yn dweud wrthych chi beth yw ei ffioedd cyn i gyswllt ddechrau. Os ydych chi'n poeni am arian, dywedwch wrth y ganolfan. Mae rhai canolfannau'n gallu helpu.",
            ),
            Para(
                "Os yw llys wedi gorchymyn cyswllt, gofynnwch i'ch cyfreithiwr pwy sy'n talu. Nid yw cymorth cyfreithiol bob amser yn talu amdano.",
            ),
        ],
    },
    InfoPage {
        slug: "information-line",
        title: "Ffonio'r llinell wybodaeth",
        summary: "Siaradwch â rhywun yn NACCC: 0115 948 4557, 9yb i 1yp, dydd Llun i ddydd Gwener.",
        blocks: &[
            Para("Mae NACCC yn rhedeg llinell wybodaeth genedlaethol i rieni a gofalwyr."),
            Para(
                "Ffoniwch 0115 948 4557. Mae ar agor o 9yb i 1yp, dydd Llun i ddydd Gwener. Mae galwadau'n costio'r un faint â galwad arferol i linell dir.",
            ),
            Para(
                "Gall y bobl sy'n ateb esbonio sut mae canolfannau cyswllt yn gweithio a'ch helpu i ddod o hyd i un. Dydyn nhw ddim yn gallu rhoi cyngor cyfreithiol.",
            ),
            Para("Pan fydd y llinell ar gau, gallwch chi anfon neges aton ni yn lle hynny."),
            Link("/contact", "Anfon neges aton ni"),
            Heading("Os ydych chi mewn perygl"),
            Para("Os ydych chi neu blentyn mewn perygl nawr, ffoniwch 999."),
        ],
    },
    InfoPage {
        slug: "questions",
        title: "Cwestiynau cyffredin",
        summary: "Atebion byr i'r cwestiynau y mae rhieni'n eu gofyn amlaf.",
        blocks: &[
            Heading("Oes angen cyfreithiwr arna i?"),
            Para("Nac oes. Gallwch chi atgyfeirio eich teulu eich hun."),
            Heading("Fydd y rhiant arall yn gweld fy nghyfeiriad?"),
            Para(
                "Na fydd. Ar y ffurflen atgyfeirio, gallwch chi gadw eich cyfeiriad a'ch manylion cyswllt rhag y rhiant arall. Fydd y ganolfan ddim yn eu rhannu.",
            ),
            Heading("Oes rhaid i ni fod yn yr un ystafell?"),
            Para(
                "Nac oes. Mae rhieni'n cyrraedd ac yn gadael ar adegau gwahanol. Does dim rhaid i chi weld eich gilydd.",
            ),
            Heading("Am ba mor hir fyddwn ni'n defnyddio'r ganolfan?"),
            Para(
                "Mae'r rhan fwyaf o deuluoedd yn defnyddio canolfan am dri i chwe mis, nes eu bod nhw'n gallu trefnu cyswllt mewn ffordd arall.",
            ),
            Heading("Ydy neiniau a theidiau yn cael dod?"),
            Para(
                "Weithiau. Ar y ffurflen atgyfeirio, dywedwch wrth y ganolfan pwy arall yr hoffech chi iddyn nhw ddod.",
            ),
            Heading("Beth os ydw i'n teimlo'n anniogel?"),
            Para(
                "Dywedwch wrth aelod o staff ar unwaith. Os ydych chi mewn perygl, ffoniwch 999. Mae botwm \"Gadael y dudalen hon\" ar frig pob tudalen ar y wefan hon.",
            ),
        ],
    },
    InfoPage {
        slug: "accessibility",
        title: "Datganiad hygyrchedd",
        summary: "Pa mor hygyrch yw'r wefan hon, a sut i roi gwybod i ni am broblem.",
        blocks: &[
            Para("Rydyn ni eisiau i gymaint o bobl â phosibl allu defnyddio'r wefan hon. Dylech chi allu:"),
            List(&[
                "gwneud y testun yn fwy, hyd at 400%, heb iddo fynd dros ymyl y sgrin",
                "defnyddio'r wefan ar sgrin ffôn fach",
                "defnyddio'r wefan gyfan gyda bysellfwrdd",
                "defnyddio'r wefan gyfan gyda darllenydd sgrin",
                "defnyddio'r wefan gyda JavaScript wedi'i ddiffodd",
            ]),
            Heading("Pa mor hygyrch yw'r wefan hon"),
            Para(
                "Ein nod yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) fersiwn 2.2 ar lefel AA. Mae profion awtomatig yn gwirio pob tudalen bob tro mae'r wefan yn newid.",
            ),
            Para(
                "Mae gan bob siart dabl gyda'r un ffigurau, a brawddeg sy'n dweud beth mae'n ei ddangos. Mae gan y map o ganolfannau restr wrth ei ochr gyda'r un canolfannau.",
            ),
            Heading("Rhoi gwybod i ni am broblem"),
            Para(
                "Os nad yw rhywbeth ar y wefan hon yn gweithio i chi, anfonwch neges aton ni neu ffoniwch y llinell wybodaeth. Dywedwch wrthym pa dudalen oedd hi a beth aeth o'i le.",
            ),
            Link("/contact", "Anfon neges aton ni"),
            Heading("Gorfodi"),
            Para(
                "Y Comisiwn Cydraddoldeb a Hawliau Dynol sy'n gorfodi'r rheoliadau hygyrchedd. Os nad ydych chi'n hapus gyda'n hateb, cysylltwch â'r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS).",
            ),
        ],
    },
    InfoPage {
        slug: "privacy",
        title: "Hysbysiad preifatrwydd",
        summary: "Beth rydyn ni'n ei gasglu pan fyddwch chi'n atgyfeirio neu'n anfon neges, pam, pwy sy'n ei weld ac am ba mor hir rydyn ni'n ei gadw.",
        blocks: &[
            Para(
                "NACCC, Cymdeithas Genedlaethol y Canolfannau Cyswllt Plant, sy'n rhedeg y wefan hon. Mae'r hysbysiad hwn yn esbonio beth rydyn ni'n ei wneud â gwybodaeth amdanoch chi.",
            ),
            Heading("Beth mae atgyfeiriad yn ei gasglu"),
            Para(
                "Mae atgyfeiriad yn gofyn am y plant, yr oedolion, unrhyw orchmynion llys ac unrhyw bryderon am ddiogelwch. Mae'n gofyn am ffordd ddiogel o gysylltu â chi.",
            ),
            Heading("Pam rydyn ni'n ei gasglu"),
            Para(
                "Mae ei angen ar y ganolfan i benderfynu a all helpu eich teulu'n ddiogel, ac i drefnu cyswllt. Dim ond yr hyn sydd ei angen ar y ganolfan rydyn ni'n gofyn amdano.",
            ),
            Heading("Pwy sy'n ei weld"),
            List(&[
                "staff y ganolfan a ddewisoch chi, a dim canolfan arall",
                "os yw'r ganolfan yn gofyn i NACCC am gyngor diogelu am eich teulu, arweinydd diogelu NACCC",
                "nid yw'r rhiant arall byth yn gweld eich atebion, eich cyfeiriad na'ch manylion cyswllt",
            ]),
            Para("Bob tro mae rhywun yn agor atgyfeiriad, mae hynny'n cael ei gofnodi."),
            Heading("Sut rydyn ni'n ei gadw'n ddiogel"),
            Para(
                "Mae manylion personol yn cael eu storio wedi'u hamgryptio. Mae staff yn mewngofnodi gyda chyfrinair a chod o ap.",
            ),
            Heading("Am ba mor hir rydyn ni'n ei gadw"),
            List(&[
                "atgyfeiriad nad ydych chi wedi'i anfon eto: {draft} ar ôl i chi ei gadw ddiwethaf",
                "atgyfeiriad y mae'r ganolfan wedi'i gau: {kept}, yna mae'r manylion personol yn cael eu dileu",
                "neges a anfonwyd aton ni: {kept} ar ôl i ni ddelio â hi, neu ar ôl iddi gyrraedd os nad oedd angen dim byd gennym ni",
            ]),
            Heading("Eich hawliau"),
            Para(
                "Gallwch chi ofyn am gopi o'r wybodaeth sydd gennym ni amdanoch chi. Gallwch chi ofyn i ni ei chywiro. Anfonwch neges aton ni neu ffoniwch y llinell wybodaeth, a rhowch eich cyfeirnod os oes gennych chi un.",
            ),
            Link("/contact", "Anfon neges aton ni"),
            Para(
                "Os nad ydych chi'n hapus gyda'r ffordd rydyn ni'n defnyddio eich gwybodaeth, gallwch chi gwyno i Swyddfa'r Comisiynydd Gwybodaeth (ICO).",
            ),
        ],
    },
    InfoPage {
        slug: "cookies",
        title: "Cwcis",
        summary: "Dim ond y cwcis sydd eu hangen arni i weithio y mae'r wefan hon yn eu defnyddio.",
        blocks: &[
            Para(
                "Ffeiliau bach sy'n cael eu cadw ar eich ffôn neu'ch cyfrifiadur yw cwcis. Dim ond y cwcis sydd eu hangen arni i weithio y mae'r wefan hon yn eu defnyddio. Nid yw'n defnyddio cwcis i'ch dilyn chi nac i gyfrif ymwelwyr, felly nid yw'n gofyn i chi eu derbyn.",
            ),
            Heading("Y cwcis rydyn ni'n eu defnyddio"),
            List(&[
                "cwci sesiwn, sy'n cadw eich lle tra byddwch chi'n llenwi atgyfeiriad. Mae'n cael ei anghofio ar ôl {idle} heb ddefnyddio'r wefan.",
                "os ydych chi'n dewis Cymraeg neu Saesneg: cwci sy'n cofio eich dewis am flwyddyn.",
                "i staff sy'n mewngofnodi: cwci sesiwn sy'n eu cadw wedi mewngofnodi.",
            ]),
            Para(
                "Nid yw'r cwcis hyn byth yn cael eu rhannu ag unrhyw un arall. Does dim gwefan arall yn gallu eu darllen.",
            ),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::super::content::{Block, EN, InfoPage};
    use super::CY;

    const PLACEHOLDERS: [&str; 3] = ["{draft}", "{idle}", "{kept}"];

    /// How many times each placeholder is in `text`.
    fn placeholders(text: &str) -> [usize; 3] {
        PLACEHOLDERS.map(|p| text.matches(p).count())
    }

    /// What must be the same in both languages: the block's kind, its list's length, its address.
    fn shape(block: &Block) -> (&'static str, usize, &'static str) {
        match *block {
            Block::Heading(_) => ("heading", 1, ""),
            Block::Para(_) => ("paragraph", 1, ""),
            Block::List(items) => ("list", items.len(), ""),
            Block::Link(href, _) => ("link", 1, href),
        }
    }

    /// A page's words, in order: title, summary, then each heading, paragraph, list item and link.
    fn words(page: &InfoPage) -> Vec<&'static str> {
        let mut words = vec![page.title, page.summary];
        for block in page.blocks {
            match *block {
                Block::Heading(text) | Block::Para(text) | Block::Link(_, text) => words.push(text),
                Block::List(items) => words.extend_from_slice(items),
            }
        }
        words
    }

    #[test]
    fn the_welsh_pages_are_the_english_pages_block_for_block() {
        let slugs = |pages: &[InfoPage]| pages.iter().map(|p| p.slug).collect::<Vec<_>>();
        assert_eq!(slugs(EN), slugs(CY));
        for (en, cy) in EN.iter().zip(CY) {
            let shapes = |page: &InfoPage| page.blocks.iter().map(shape).collect::<Vec<_>>();
            assert_eq!(shapes(en), shapes(cy), "{}", en.slug);
            let (english, welsh) = (words(en), words(cy));
            assert_eq!(english.len(), welsh.len(), "{}", en.slug);
            for (e, w) in english.iter().zip(&welsh) {
                assert_eq!(placeholders(e), placeholders(w), "{}: {w}", en.slug);
                assert_ne!(e, w, "{}: left in English", en.slug);
                assert!(!w.trim().is_empty(), "{}", en.slug);
                let rest = PLACEHOLDERS.iter().fold(w.to_string(), |text, p| text.replace(p, ""));
                assert!(!rest.contains(['{', '}']), "{}: a stray brace: {w}", en.slug);
            }
        }
    }
}
