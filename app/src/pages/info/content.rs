//! The information pages' words, written for this product in plain English from the facts in
//! NACCC's published texts: short sentences, everyday words, one idea to a paragraph. A page is
//! data (headings, paragraphs, lists, links), so a second language is a second list of the same
//! pages (Welsh: `content_cy.rs`, kept apart so `tools/readability.py` reads only this English)
//! and a test can read every page's text. `{draft}`, `{idle}` and `{kept}` stand for
//! lifetimes the server enforces, filled in when the page is drawn.

/// One part of a page.
#[derive(Debug, Clone, Copy)]
pub enum Block {
    Heading(&'static str),
    Para(&'static str),
    List(&'static [&'static str]),
    /// A link on its own line: (address, words).
    Link(&'static str, &'static str),
}

#[derive(Debug, Clone, Copy)]
pub struct InfoPage {
    /// `/information/{slug}`.
    pub slug: &'static str,
    pub title: &'static str,
    /// One sentence for the list of pages.
    pub summary: &'static str,
    pub blocks: &'static [Block],
}

use Block::{Heading, Link, List, Para};

pub const EN: &[InfoPage] = &[
    InfoPage {
        slug: "what-is-a-child-contact-centre",
        title: "What a child contact centre is",
        summary: "A safe, friendly place where children can spend time with a parent they do not live with.",
        blocks: &[
            Para(
                "A child contact centre is a safe, friendly place. Children of separated families spend time there with a parent they do not live with. Sometimes other family members come too.",
            ),
            Para(
                "Centres are often in a church hall, a family centre or a community building. They have toys, games and books for children of all ages.",
            ),
            Para(
                "Most families use a centre for a few months. It helps while the family finds a way to manage contact on their own.",
            ),
            Heading("Who runs them"),
            Para(
                "Local groups run the centres. Many are run by trained volunteers. Every centre in this service is a member of NACCC, the National Association of Child Contact Centres.",
            ),
            Para(
                "NACCC checks each centre against its National Standards. This is called accreditation. Courts and Cafcass refer families to accredited centres.",
            ),
            Heading("Where they are"),
            Para("There are about 340 centres in England, Wales, Northern Ireland and the Channel Islands."),
            Link("/find-a-centre", "Find a centre near you"),
        ],
    },
    InfoPage {
        slug: "supported-and-supervised-contact",
        title: "Supported and supervised contact",
        summary: "The two kinds of contact, and how to tell which one your family needs.",
        blocks: &[
            Heading("Supported contact"),
            Para("Supported contact is for families where there are no serious worries about a child's safety."),
            Para(
                "Several families use the same room at the same time. Staff or volunteers are there to help and keep an eye on things. They do not watch or write down everything that happens.",
            ),
            Heading("Supervised contact"),
            Para(
                "Supervised contact is for children who have been harmed, or who might be at risk of harm, during contact.",
            ),
            Para(
                "A trained member of staff stays with the child and parent the whole time. They watch and listen, and they may write a report. Supervised contact is usually for one family at a time.",
            ),
            Para("Centres that offer supervised contact meet NACCC's Enhanced National Standards."),
            Heading("Which one you need"),
            Para(
                "If a court or Cafcass is involved, they may say which kind you need. If you are not sure, the referral form asks questions that help the centre decide. You can also call the information line.",
            ),
            Link("/information/information-line", "Call the information line"),
        ],
    },
    InfoPage {
        slug: "making-a-referral",
        title: "Who can refer, and how",
        summary: "Parents can refer themselves. Solicitors, courts, Cafcass and others can refer too.",
        blocks: &[
            Para(
                "Before a family can use a centre, someone must send the centre a referral. A referral is a form that tells the centre about the family and what it needs.",
            ),
            Heading("Who can refer"),
            List(&[
                "a parent (this is called a self-referral)",
                "a family solicitor",
                "a family mediator",
                "a court",
                "a Cafcass or Cafcass Cymru officer",
                "a local authority or children's services",
                "another child contact centre",
            ]),
            Heading("How to refer"),
            Para(
                "First, find a centre near you that takes online referrals. Then start a referral from the centre's page. The form asks one question at a time.",
            ),
            Para(
                "You can save your answers and come back later. Your answers are kept for {draft} from when you last saved them.",
            ),
            Para(
                "You can invite the other parent to add their own part. Neither parent sees what the other one wrote, or where they live.",
            ),
            Heading("After you send it"),
            Para(
                "You get a reference number. Keep it safe. The centre reads your referral and gets in touch. You can check where it has got to with your reference and code.",
            ),
            Link("/refer", "Start a referral"),
        ],
    },
    InfoPage {
        slug: "the-first-visit",
        title: "The pre-visit and the first session",
        summary: "What happens before the first session, and on the day.",
        blocks: &[
            Heading("The pre-visit"),
            Para(
                "Before contact starts, the centre usually invites each parent to a pre-visit. The parents come at different times, so they do not meet.",
            ),
            Para(
                "At the pre-visit you see the rooms and meet the people who run the centre. They explain the centre's rules and answer your questions. Your child may be able to come too, so the place feels familiar.",
            ),
            Heading("The first session"),
            Para(
                "The parent the child lives with brings the child. The other parent arrives at a different time, and leaves at a different time. Parents do not have to see each other.",
            ),
            Para(
                "Staff or volunteers stay nearby. If a child gets upset, they help. If anyone feels unsafe, they can tell a member of staff at any time.",
            ),
            Heading("Things to bring"),
            List(&[
                "something your child likes to play with",
                "a snack and a drink",
                "anything the centre asked you to bring",
            ]),
        ],
    },
    InfoPage {
        slug: "costs",
        title: "What it costs",
        summary: "Charges differ from centre to centre: ask before you start.",
        blocks: &[
            Para(
                "Each centre sets its own charges. Many supported centres ask for a small payment or a donation for each session. Some have no charge.",
            ),
            Para(
                "Supervised contact usually costs more, because a trained member of staff stays with each family for the whole session.",
            ),
            Para(
                "The centre tells you what it charges before contact starts. If money is a worry, tell the centre. Some centres can help.",
            ),
            Para("If a court has ordered contact, ask your solicitor who pays. Legal aid does not always cover it."),
        ],
    },
    InfoPage {
        slug: "information-line",
        title: "Call the information line",
        summary: "Talk to someone at NACCC: 0115 948 4557, 9am to 1pm, Monday to Friday.",
        blocks: &[
            Para("NACCC runs a national information line for parents and carers."),
            Para(
                "Phone 0115 948 4557. It is open from 9am to 1pm, Monday to Friday. Calls cost the same as a normal call to a landline.",
            ),
            Para(
                "The people who answer can explain how contact centres work and help you find one. They cannot give legal advice.",
            ),
            Para("When the line is closed, you can send us a message instead."),
            Link("/contact", "Send us a message"),
            Heading("If you are in danger"),
            Para("If you or a child are in danger now, call 999."),
        ],
    },
    InfoPage {
        slug: "questions",
        title: "Questions people often ask",
        summary: "Short answers to the questions parents ask most.",
        blocks: &[
            Heading("Do I need a solicitor?"),
            Para("No. You can refer your family yourself."),
            Heading("Will the other parent see my address?"),
            Para(
                "No. The referral form lets you keep your address and contact details from the other parent. The centre will not share them.",
            ),
            Heading("Do we have to be in the same room?"),
            Para("No. Parents arrive and leave at different times. You do not have to see each other."),
            Heading("How long will we use the centre?"),
            Para("Most families use a centre for three to six months, until they can manage contact in another way."),
            Heading("Can grandparents come?"),
            Para("Sometimes. Tell the centre on the referral form who else you would like to come."),
            Heading("What if I feel unsafe?"),
            Para(
                "Tell a member of staff at once. If you are in danger, call 999. This website has an \"Exit this page\" button at the top of every page.",
            ),
        ],
    },
    InfoPage {
        slug: "accessibility",
        title: "Accessibility statement",
        summary: "How accessible this website is, and how to tell us about a problem.",
        blocks: &[
            Para("We want as many people as possible to be able to use this website. You should be able to:"),
            List(&[
                "make the text bigger, up to 400%, without it spilling off the screen",
                "use the website on a small phone screen",
                "use the whole website with a keyboard",
                "use the whole website with a screen reader",
                "use the website with JavaScript turned off",
            ]),
            Heading("How accessible this website is"),
            Para(
                "We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page is checked by automated tests each time the website changes.",
            ),
            Para(
                "Every chart has a table with the same figures, and a sentence that says what it shows. The map of centres has a list beside it with the same centres.",
            ),
            Heading("Tell us about a problem"),
            Para(
                "If something on this website does not work for you, send us a message or call the information line. Tell us the page and what went wrong.",
            ),
            Link("/contact", "Send us a message"),
            Heading("Enforcement"),
            Para(
                "The Equality and Human Rights Commission enforces the accessibility regulations. If you are not happy with our answer, contact the Equality Advisory and Support Service (EASS).",
            ),
        ],
    },
    InfoPage {
        slug: "privacy",
        title: "Privacy notice",
        summary: "What we collect when you refer or send a message, why, who sees it and how long it is kept.",
        blocks: &[
            Para(
                "NACCC, the National Association of Child Contact Centres, runs this website. This notice explains what we do with information about you.",
            ),
            Heading("What a referral collects"),
            Para(
                "A referral asks about the children, the adults, any court orders and any worries about safety. It asks for a safe way to contact you.",
            ),
            Heading("Why we collect it"),
            Para(
                "The centre needs it to decide whether it can help your family safely, and to arrange contact. We only ask for what the centre needs.",
            ),
            Heading("Who sees it"),
            List(&[
                "the staff of the centre you chose, and no other centre",
                "if the centre asks NACCC for safeguarding advice about your family, NACCC's safeguarding lead",
                "the other parent never sees your answers, your address or your contact details",
            ]),
            Para("Every time someone opens a referral, it is recorded."),
            Heading("How it is kept safe"),
            Para("Personal details are stored encrypted. Staff sign in with a password and a code from an app."),
            Heading("How long it is kept"),
            List(&[
                "a referral you have not sent yet: {draft} from when you last saved it",
                "a referral the centre has closed: {kept}, then the personal details are erased",
                "a message sent to us: {kept} after we have dealt with it, or after it arrived if it needed nothing from us",
            ]),
            Heading("Your rights"),
            Para(
                "You can ask for a copy of the information we hold about you. You can ask us to correct it. Send us a message or call the information line, and quote your reference number if you have one.",
            ),
            Link("/contact", "Send us a message"),
            Para(
                "If you are not happy with how we use your information, you can complain to the Information Commissioner's Office (ICO).",
            ),
        ],
    },
    InfoPage {
        slug: "cookies",
        title: "Cookies",
        summary: "This website uses only the cookies it needs to work.",
        blocks: &[
            Para(
                "Cookies are small files saved on your phone or computer. This website only uses cookies it needs to work. It does not use cookies to track you or to count visitors, so it does not ask you to accept them.",
            ),
            Heading("The cookies we use"),
            List(&[
                "a session cookie, which keeps your place while you fill in a referral. It is forgotten after {idle} without using the website.",
                "if you choose Welsh or English: a cookie that remembers your choice for a year.",
                "for staff who sign in: a session cookie that keeps them signed in.",
            ]),
            Para("These cookies are never shared with anyone else. No other website can read them."),
        ],
    },
];
