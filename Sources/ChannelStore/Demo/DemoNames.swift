import Foundation

/// Company names, owners and ids for the demo programme.
///
/// Names are built from word lists rather than listed, so ten thousand partners and half a million
/// prospects still look like companies. A share of partner names is deliberately awkward — umlauts,
/// CJK (two columns wide), apostrophes, commas, a quote, an emoji — because those are what break
/// tables, CSV and sorting, and the demo is where people first see the console.
enum DemoNames {
    /// A sales region with the legal forms and local names its companies have.
    struct Region {
        var name: String
        /// Relative share of partners.
        var weight: Double
        /// The channel manager who usually owns the region's partners.
        var owner: String
        var legalForms: [String]
        /// Names in the region's own script and spelling, built from two parts.
        var localFirst: [String]
        var localSecond: [String]
    }

    static let regions: [Region] = [
        Region(name: "NA", weight: 30, owner: "priya.nair", legalForms: ["Inc", "LLC", "Corp", ""],
               localFirst: ["Ωmega", "Montréal", "Québec"], localSecond: [" Numérique Inc", " Labs Inc", " \"Quoted\" Labs"]),
        Region(name: "LATAM", weight: 6, owner: "sofia.reyes", legalForms: ["S.A.", "Ltda", "S.A. de C.V.", "S.A.S."],
               localFirst: ["São Paulo", "Bogotá", "Mérida", "Querétaro", "Asunción", "Línea Azul"],
               localSecond: [" Integrações Ltda", " Tecnología S.A. de C.V.", " Soluciones S.A.S.", " Información S.A."]),
        Region(name: "UK&I", weight: 14, owner: "amara.okafor", legalForms: ["Ltd", "plc", "LLP", ""],
               localFirst: ["O'Brien, Walsh", "Ó Súilleabháin", "Dún Laoghaire", "MacCárthaigh"],
               localSecond: [" and Co", " Digital Ltd", " Systems Ltd", " & Partners LLP"]),
        Region(name: "DACH", weight: 12, owner: "lukas.brandt", legalForms: ["GmbH", "AG", "GmbH & Co. KG"],
               localFirst: ["Müller & Söhne", "Zürich", "Köln", "München", "Düsseldorf", "Schäfer & Groß", "Nürnberg", "Jäger"],
               localSecond: [" GmbH", " Datentechnik AG", " Systemhaus GmbH", " Informatik AG", " Netzwerke GmbH"]),
        Region(name: "Nordics", weight: 6, owner: "lukas.brandt", legalForms: ["AB", "AS", "Oy", "ApS"],
               localFirst: ["Åkerberg", "Sjöberg", "Ødegaard", "Nyström", "Bjørnstad", "Häkkinen"],
               localSecond: [" Konsult AB", " Løsninger AS", " Data Oy", " IT ApS"]),
        Region(name: "France", weight: 8, owner: "chloe.martin", legalForms: ["SAS", "SARL", "SA"],
               localFirst: ["Société Générale", "Société Lyonnaise", "Orléans", "Besançon", "Nîmes", "Café Ünïcode"],
               localSecond: [" Conseil", " Intégration SAS", " Systèmes SARL", " Numérique SA"]),
        Region(name: "APAC", weight: 10, owner: "kenji.sato", legalForms: ["Pte Ltd", "Sdn Bhd", "Ltd", "Pvt Ltd"],
               localFirst: ["深圳", "上海", "杭州", "广州", "서울", "부산"],
               localSecond: ["数据科技有限公司", "云端科技有限公司", "智能网络有限公司", " 클라우드 주식회사"]),
        Region(name: "Japan", weight: 7, owner: "kenji.sato", legalForms: ["KK", "Co., Ltd.", "GK"],
               localFirst: ["株式会社サクラ", "株式会社ミドリ", "株式会社ヒカリ", "東京", "大阪", "名古屋"],
               localSecond: ["", "データ株式会社", "クラウド株式会社", "システム株式会社"]),
        Region(name: "ANZ", weight: 7, owner: "liam.walsh", legalForms: ["Pty Ltd", "Ltd", ""],
               localFirst: ["Tāmaki", "Ōtautahi", "Whakatū"], localSecond: [" Data Ltd", " Cloud Ltd", " Systems Pty Ltd"]),
    ]

    /// Channel managers who pick up partners outside their home region (holidays, hand-overs).
    static let floatingOwners = ["priya.nair", "kenji.sato", "lukas.brandt", "amara.okafor", "sofia.reyes",
                                 "chloe.martin", "liam.walsh", "dana.kim"]

    static let brandWords = [
        "Nova", "Orbit", "Bright", "Cedar", "Summit", "Apex", "Atlas", "Falcon", "Harbor", "Vertex",
        "Pioneer", "Delta", "Blue", "Iron", "Silver", "Quantum", "Maple", "Granite", "Northwind", "Redwood",
        "Lumen", "Beacon", "Cobalt", "Zenith", "Horizon", "Kestrel", "Meridian", "Sterling", "Tidal", "Willow",
        "Aspen", "Birch", "Crest", "Ember", "Fjord", "Glacier", "Helix", "Indigo", "Juniper", "Keystone",
        "Lattice", "Mosaic", "Nimbus", "Onyx", "Prism", "Quartz", "Raven", "Sable", "Talon", "Umber",
        "Vanta", "Wren", "Xenon", "Yarrow", "Zephyr", "Amber", "Boulder", "Canyon", "Drift", "Echo",
        "Flint", "Grove", "Haven", "Isle",
    ]

    static let partnerNouns = [
        "Labs", "Group", "Logic", "Consulting", "Systems", "Partners", "Digital", "Solutions", "Cloud",
        "Analytics", "Networks", "Works", "Advisory", "Technologies", "Integration",
    ]

    static let prospectNouns = [
        "Logistics", "Foods", "Health", "Energy", "Retail", "Capital", "Motors", "Pharma", "Media", "Foundry",
        "Freight", "Insurance", "Textiles", "Robotics", "Biotech", "Airlines", "Hotels", "Mining", "Marine",
        "Telecom", "Software", "Payments", "Studios", "Farms", "Steel", "Chemicals", "Brewing", "Outfitters",
        "Clinics", "Realty", "Aerospace", "Devices", "Learning", "Labs", "Systems", "Works", "Analytics",
        "Cloud", "Digital", "Dynamics", "Industries", "Holdings", "Ventures", "Group", "Partners", "Global",
        "Labs Europe", "Data",
    ]

    static let qualifiers = [
        "", "North", "South", "East", "West", "Pacific", "Atlantic", "Alpine", "Urban", "Metro",
        "Prime", "First", "Grand", "United", "Royal", "Coastal", "Highland", "Golden", "Green", "Red",
        "Swift", "Clear", "Bold", "True", "Open", "Smart", "Rapid", "Solid", "Bay", "River",
        "Lake", "Valley", "Peak", "Star", "Sun", "Moon", "Polar", "Central", "Global", "Civic",
    ]

    /// Top-level domains with their share of prospects and the legal form of a company registered there.
    static let domainSuffixes: [(suffix: String, weight: Double, legal: [String])] = [
        ("com", 40, ["Inc", "Corp", "LLC", ""]), ("io", 6, ["", "Inc"]), ("net", 6, ["Corp", "Inc"]),
        ("co", 3, ["", "Inc"]), ("ai", 2, ["", "Inc"]), ("de", 8, ["GmbH", "AG"]), ("co.uk", 8, ["Ltd", "plc"]),
        ("com.au", 5, ["Pty Ltd"]), ("fr", 5, ["SAS", "SA"]), ("co.jp", 4, ["KK"]), ("nl", 3, ["B.V."]),
        ("se", 3, ["AB"]), ("ch", 2, ["AG"]), ("ca", 3, ["Inc"]), ("com.br", 2, ["Ltda"]),
    ]

    /// The few names with an emoji: enough to prove the console measures them, few enough to be rare.
    static let emojiNames = ["Rocket 🚀 Partners", "Blue Wave 🌊 Digital"]

    /// A partner name for `region`, unique within `used`: local-script names about one time in eight.
    static func partnerName(region: Region, random: inout DemoRandom, used: inout Set<String>) -> String {
        for attempt in 0..<40 {
            var name: String
            if attempt < 3 && random.chance(0.125) {
                name = random.element(region.localFirst) + random.element(region.localSecond)
            } else {
                let brand = random.chance(0.35)
                    ? random.element(brandWords) + random.element(brandWords).lowercased()
                    : random.element(brandWords)
                name = brand + " " + random.element(partnerNouns)
                let legal = random.element(region.legalForms)
                if !legal.isEmpty && random.chance(0.8) { name += " " + legal }
            }
            if attempt >= 30 { name += " \(attempt - 28)" }
            if used.insert(name).inserted { return name }
        }
        preconditionFailure("forty attempts at a unique partner name must succeed")
    }

    /// `P-00042`, `R-0000042`: fixed width so ids sort as text. Built from bytes, because a million
    /// `String(format:)` calls would cost more than the rest of the registration.
    static func identifier(_ letter: Character, _ number: Int, digits: Int) -> String {
        precondition(number >= 0, "ids are positive")
        let digits = max(digits, width(number))
        let letterByte = letter.asciiValue ?? UInt8(ascii: "X")
        return String(unsafeUninitializedCapacity: digits + 2) { buffer in
            buffer[0] = letterByte
            buffer[1] = UInt8(ascii: "-")
            var rest = number
            for position in stride(from: digits + 1, through: 2, by: -1) {
                buffer[position] = UInt8(48 + rest % 10)
                rest /= 10
            }
            return digits + 2
        }
    }

    /// The digits of the ids of `count` records, at least `minimum`: a 100k-partner demo's ids are
    /// one digit wider than a 10k one's, all of them, so they still sort as text.
    static func digits(_ minimum: Int, for count: Int) -> Int { max(minimum, width(count)) }

    private static func width(_ number: Int) -> Int { number < 10 ? 1 : 1 + width(number / 10) }
}

/// The prospects partners register: a pool of companies with unique registrable domains.
///
/// A pool rather than a fresh name per registration for two reasons: real prospects are registered
/// more than once (again after expiry, or by a rival partner), and a million registrations then share
/// a few hundred thousand strings instead of allocating two each.
struct DemoProspects {
    private(set) var companies: [String] = []
    /// Registrable domains, unique by construction: the index is written in mixed radix over the word
    /// lists, so two indices never produce the same name.
    private(set) var domains: [String] = []

    static let subdomains = ["www.", "eu.", "us.", "uk.", "apac.", "de."]

    init(count: Int, random: inout DemoRandom) {
        companies.reserveCapacity(count)
        domains.reserveCapacity(count)
        let brands = DemoNames.brandWords, nouns = DemoNames.prospectNouns, qualifiers = DemoNames.qualifiers
        let lowerBrands = brands.map { $0.lowercased() }
        let lowerNouns = nouns.map { $0.lowercased().replacingOccurrences(of: " ", with: "") }
        let lowerQualifiers = qualifiers.map { $0.lowercased() }
        let suffixes = DemoNames.domainSuffixes
        let suffixPicker = WeightedPicker(suffixes.map(\.weight))
        let combinations = brands.count * nouns.count * qualifiers.count
        for index in 0..<count {
            // Walk the combinations in a scattered order (an affine map with a multiplier coprime to
            // their number is a bijection), so a small pool is not all "North …" and "South …".
            var rest = (index % combinations * 7_919 + 1_237) % combinations
            let generation = index / combinations
            let brand = rest % brands.count; rest /= brands.count
            let noun = rest % nouns.count; rest /= nouns.count
            let qualifier = rest
            let suffix = suffixes[suffixPicker.pick(&random)]
            let legal = random.element(suffix.legal)
            var company = qualifier == 0 ? brands[brand] : qualifiers[qualifier] + " " + brands[brand]
            company += " " + nouns[noun]
            if !legal.isEmpty { company += " " + legal }
            var domain = lowerQualifiers[qualifier] + lowerBrands[brand] + lowerNouns[noun]
            if generation > 0 { domain += String(generation + 1) }
            domain += "." + suffix.suffix
            companies.append(company)
            domains.append(domain)
        }
    }

    var count: Int { domains.count }

    /// The domain as a partner typed it: mostly bare, sometimes `www.` or a regional subdomain, which
    /// conflict detection must still see as the same prospect.
    func domain(_ index: Int, variant: UInt8) -> String {
        variant == 0 ? domains[index] : DemoProspects.subdomains[Int(variant - 1) % DemoProspects.subdomains.count] + domains[index]
    }

    static func variant(_ random: inout DemoRandom) -> UInt8 {
        let roll = random.below(100)
        if roll < 72 { return 0 }
        if roll < 86 { return 1 }
        return UInt8(2 + random.below(subdomains.count - 1))
    }
}
