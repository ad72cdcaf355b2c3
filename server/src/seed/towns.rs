//! Real towns across the four nations NACCC covers, with their region and postcode district.
//! `weight` is how many demo centres a town may hold (bigger places have several).

use shared::Nation;

pub struct Town {
    pub name: &'static str,
    pub nation: Nation,
    pub region: &'static str,
    pub district: &'static str,
    pub weight: u8,
}

const fn t(name: &'static str, nation: Nation, region: &'static str, district: &'static str, weight: u8) -> Town {
    Town { name, nation, region, district, weight }
}

use Nation::{ChannelIslands as CI, England as EN, NorthernIreland as NI, Wales as WA};

const NE: &str = "North East";
const NW: &str = "North West";
const YH: &str = "Yorkshire and the Humber";
const EM: &str = "East Midlands";
const WM: &str = "West Midlands";
const EE: &str = "East of England";
const LO: &str = "London";
const SE: &str = "South East";
const SW: &str = "South West";

pub const TOWNS: &[Town] = &[
    // England
    t("Newcastle upon Tyne", EN, NE, "NE1", 4), t("Sunderland", EN, NE, "SR1", 3), t("Gateshead", EN, NE, "NE8", 2),
    t("Middlesbrough", EN, NE, "TS1", 3), t("Darlington", EN, NE, "DL1", 2), t("Hartlepool", EN, NE, "TS24", 2),
    t("Durham", EN, NE, "DH1", 2), t("Berwick-upon-Tweed", EN, NE, "TD15", 1), t("Hexham", EN, NE, "NE46", 1),
    t("Manchester", EN, NW, "M1", 5), t("Liverpool", EN, NW, "L1", 5), t("Preston", EN, NW, "PR1", 3),
    t("Blackpool", EN, NW, "FY1", 2), t("Lancaster", EN, NW, "LA1", 2), t("Bolton", EN, NW, "BL1", 3),
    t("Wigan", EN, NW, "WN1", 2), t("Warrington", EN, NW, "WA1", 2), t("Chester", EN, NW, "CH1", 2),
    t("Stockport", EN, NW, "SK1", 2), t("Oldham", EN, NW, "OL1", 2), t("Burnley", EN, NW, "BB11", 2),
    t("Blackburn", EN, NW, "BB1", 2), t("Southport", EN, NW, "PR8", 1), t("Birkenhead", EN, NW, "CH41", 2),
    t("Crewe", EN, NW, "CW1", 2), t("Macclesfield", EN, NW, "SK11", 1), t("Kendal", EN, NW, "LA9", 1),
    t("Carlisle", EN, NW, "CA1", 2), t("Workington", EN, NW, "CA14", 1), t("Barrow-in-Furness", EN, NW, "LA14", 1),
    t("Leeds", EN, YH, "LS1", 5), t("Sheffield", EN, YH, "S1", 4), t("Bradford", EN, YH, "BD1", 4),
    t("York", EN, YH, "YO1", 2), t("Hull", EN, YH, "HU1", 3), t("Huddersfield", EN, YH, "HD1", 2),
    t("Wakefield", EN, YH, "WF1", 2), t("Doncaster", EN, YH, "DN1", 3), t("Harrogate", EN, YH, "HG1", 1),
    t("Halifax", EN, YH, "HX1", 2), t("Barnsley", EN, YH, "S70", 2), t("Rotherham", EN, YH, "S60", 2),
    t("Grimsby", EN, YH, "DN31", 2), t("Scunthorpe", EN, YH, "DN15", 1), t("Scarborough", EN, YH, "YO11", 1),
    t("Nottingham", EN, EM, "NG1", 5), t("Derby", EN, EM, "DE1", 3), t("Leicester", EN, EM, "LE1", 4),
    t("Lincoln", EN, EM, "LN1", 2), t("Northampton", EN, EM, "NN1", 3), t("Mansfield", EN, EM, "NG18", 2),
    t("Chesterfield", EN, EM, "S40", 2), t("Loughborough", EN, EM, "LE11", 1), t("Grantham", EN, EM, "NG31", 1),
    t("Boston", EN, EM, "PE21", 1), t("Skegness", EN, EM, "PE25", 1), t("Newark-on-Trent", EN, EM, "NG24", 1),
    t("Worksop", EN, EM, "S80", 1), t("Kettering", EN, EM, "NN16", 1), t("Corby", EN, EM, "NN17", 1),
    t("Wellingborough", EN, EM, "NN8", 1), t("Birmingham", EN, WM, "B1", 6), t("Coventry", EN, WM, "CV1", 3),
    t("Wolverhampton", EN, WM, "WV1", 3), t("Stoke-on-Trent", EN, WM, "ST1", 3), t("Walsall", EN, WM, "WS1", 2),
    t("Dudley", EN, WM, "DY1", 2), t("Worcester", EN, WM, "WR1", 2), t("Hereford", EN, WM, "HR1", 2),
    t("Shrewsbury", EN, WM, "SY1", 2), t("Telford", EN, WM, "TF3", 2), t("Stafford", EN, WM, "ST16", 1),
    t("Burton upon Trent", EN, WM, "DE14", 1), t("Tamworth", EN, WM, "B79", 1), t("Nuneaton", EN, WM, "CV11", 1),
    t("Rugby", EN, WM, "CV21", 1), t("Leamington Spa", EN, WM, "CV32", 1), t("Redditch", EN, WM, "B97", 1),
    t("Kidderminster", EN, WM, "DY10", 1), t("Norwich", EN, EE, "NR1", 3), t("Ipswich", EN, EE, "IP1", 2),
    t("Cambridge", EN, EE, "CB1", 2), t("Peterborough", EN, EE, "PE1", 3), t("Colchester", EN, EE, "CO1", 2),
    t("Chelmsford", EN, EE, "CM1", 2), t("Luton", EN, EE, "LU1", 2), t("Bedford", EN, EE, "MK40", 2),
    t("Watford", EN, EE, "WD17", 1), t("St Albans", EN, EE, "AL1", 1), t("Stevenage", EN, EE, "SG1", 1),
    t("Lowestoft", EN, EE, "NR32", 1), t("King's Lynn", EN, EE, "PE30", 1), t("Great Yarmouth", EN, EE, "NR30", 1),
    t("Southend-on-Sea", EN, EE, "SS1", 2), t("Basildon", EN, EE, "SS14", 1), t("Harlow", EN, EE, "CM20", 1),
    t("Hemel Hempstead", EN, EE, "HP1", 1), t("Bury St Edmunds", EN, EE, "IP33", 1),
    t("Southwark", EN, LO, "SE1", 3), t("Islington", EN, LO, "N1", 3), t("Tower Hamlets", EN, LO, "E1", 3),
    t("Westminster", EN, LO, "W2", 2), t("Lambeth", EN, LO, "SW2", 3), t("Camden", EN, LO, "NW1", 2),
    t("Croydon", EN, LO, "CR0", 3), t("Ealing", EN, LO, "W5", 2), t("Enfield", EN, LO, "EN1", 2),
    t("Barnet", EN, LO, "EN5", 2), t("Bromley", EN, LO, "BR1", 2), t("Lewisham", EN, LO, "SE13", 2),
    t("Hackney", EN, LO, "E8", 2), t("Harrow", EN, LO, "HA1", 1), t("Romford", EN, LO, "RM1", 2),
    t("Kingston upon Thames", EN, LO, "KT1", 1), t("Walthamstow", EN, LO, "E17", 2),
    t("Southampton", EN, SE, "SO14", 3), t("Portsmouth", EN, SE, "PO1", 3), t("Brighton", EN, SE, "BN1", 3),
    t("Reading", EN, SE, "RG1", 2), t("Oxford", EN, SE, "OX1", 2), t("Canterbury", EN, SE, "CT1", 2),
    t("Maidstone", EN, SE, "ME14", 2), t("Guildford", EN, SE, "GU1", 1), t("Crawley", EN, SE, "RH10", 1),
    t("Milton Keynes", EN, SE, "MK9", 3), t("Hastings", EN, SE, "TN34", 2), t("Eastbourne", EN, SE, "BN21", 1),
    t("Worthing", EN, SE, "BN11", 1), t("Chichester", EN, SE, "PO19", 1), t("Basingstoke", EN, SE, "RG21", 1),
    t("Winchester", EN, SE, "SO23", 1), t("Newport, Isle of Wight", EN, SE, "PO30", 1), t("Banbury", EN, SE, "OX16", 1),
    t("High Wycombe", EN, SE, "HP11", 1), t("Aylesbury", EN, SE, "HP20", 1), t("Slough", EN, SE, "SL1", 2),
    t("Woking", EN, SE, "GU21", 1), t("Tunbridge Wells", EN, SE, "TN1", 1), t("Dover", EN, SE, "CT16", 1),
    t("Margate", EN, SE, "CT9", 1), t("Medway", EN, SE, "ME4", 2),
    t("Bristol", EN, SW, "BS1", 5), t("Bath", EN, SW, "BA1", 1), t("Exeter", EN, SW, "EX1", 2),
    t("Plymouth", EN, SW, "PL1", 3), t("Truro", EN, SW, "TR1", 1), t("Taunton", EN, SW, "TA1", 1),
    t("Gloucester", EN, SW, "GL1", 2), t("Cheltenham", EN, SW, "GL50", 1), t("Swindon", EN, SW, "SN1", 2),
    t("Bournemouth", EN, SW, "BH1", 2), t("Salisbury", EN, SW, "SP1", 1), t("Weymouth", EN, SW, "DT4", 1),
    t("Dorchester", EN, SW, "DT1", 1), t("Yeovil", EN, SW, "BA20", 1), t("Barnstaple", EN, SW, "EX31", 1),
    t("Torquay", EN, SW, "TQ1", 1), t("Penzance", EN, SW, "TR18", 1), t("Stroud", EN, SW, "GL5", 1),
    t("Bridgwater", EN, SW, "TA6", 1), t("Weston-super-Mare", EN, SW, "BS23", 1), t("Poole", EN, SW, "BH15", 1),
    // Wales
    t("Cardiff", WA, "South East Wales", "CF10", 3), t("Newport", WA, "South East Wales", "NP20", 2),
    t("Swansea", WA, "South West Wales", "SA1", 2), t("Wrexham", WA, "North Wales", "LL11", 2),
    t("Bangor", WA, "North Wales", "LL57", 1), t("Aberystwyth", WA, "Mid Wales", "SY23", 1),
    t("Carmarthen", WA, "South West Wales", "SA31", 1), t("Llanelli", WA, "South West Wales", "SA15", 1),
    t("Merthyr Tydfil", WA, "South East Wales", "CF47", 1), t("Bridgend", WA, "South East Wales", "CF31", 1),
    t("Pontypridd", WA, "South East Wales", "CF37", 1), t("Rhyl", WA, "North Wales", "LL18", 1),
    t("Caernarfon", WA, "North Wales", "LL55", 1), t("Haverfordwest", WA, "South West Wales", "SA61", 1),
    t("Brecon", WA, "Mid Wales", "LD3", 1), t("Llandrindod Wells", WA, "Mid Wales", "LD1", 1),
    t("Neath", WA, "South West Wales", "SA11", 1), t("Barry", WA, "South East Wales", "CF62", 1),
    t("Holyhead", WA, "North Wales", "LL65", 1), t("Mold", WA, "North Wales", "CH7", 1),
    t("Newtown", WA, "Mid Wales", "SY16", 1), t("Cwmbran", WA, "South East Wales", "NP44", 1),
    // Northern Ireland
    t("Belfast", NI, "Belfast", "BT1", 3), t("Lisburn", NI, "Antrim and Down", "BT28", 1),
    t("Newry", NI, "Armagh and Down", "BT34", 1), t("Derry~Londonderry", NI, "North West", "BT48", 2),
    t("Armagh", NI, "Armagh and Down", "BT61", 1), t("Omagh", NI, "West", "BT78", 1),
    t("Enniskillen", NI, "West", "BT74", 1), t("Coleraine", NI, "North", "BT52", 1),
    t("Ballymena", NI, "North", "BT43", 1), t("Bangor", NI, "Antrim and Down", "BT20", 1),
    // Channel Islands
    t("St Helier", CI, "Jersey", "JE2", 2), t("St Peter Port", CI, "Guernsey", "GY1", 1),
    t("St Sampson", CI, "Guernsey", "GY2", 1),
];
