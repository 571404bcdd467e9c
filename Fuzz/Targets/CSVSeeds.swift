import ChannelStore

/// One small valid file per record kind against `FuzzSupport.programme`, with the awkward-but-valid
/// forms of DESIGN.md §4 (quoted commas and newlines, doubled quotes, mixed case enums, a BOM, CRLF).
let csvSeedTexts: [(RecordKind, String)] = [
    (.partners, "\u{FEFF}partner_id,name,type,tier,region,status,joined_on,owner,certified_staff\r\nP-00101,\"Acme, \"\"Ltd\"\"\",Reseller,GOLD,EMEA,active,2025-01-01,ana,3\r\nP-00102,Müller & Söhne,referral,registered,\"UK\nI\",prospect,2025-02-28,ben,0\r\n"),
    (.registrations, "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until,note,extensions,tier_at_approval\nR-0000101,P-00001,Zeta,www.zeta.co.uk,1.5,2026-01-01T10:00:00Z,pending,,,,,\nR-0000102,P-00002,Yeti,yeti.com,2,2026-01-01T10:00:00Z,approved,2026-01-02T00:00:00Z,2026-04-02,asked twice,1,gold\n"),
    (.deals, "deal_id,partner_id,registration_id,account,domain,acv,closed_on,outcome,attribution\nD-1,P-00001,,Zeta,zeta.com,1.00,2026-01-01,won,sourced\nD-2,P-00002,R-0000002,Zeta,zeta.co.uk,2.00,2026-01-02,lost,influenced\n"),
    (.investments, "date,category,amount,note\n2026-01-01,'=mdf,1.00,'-refund\n2026-01-01,mdf,1200,\n"),
    (.nps, "Comment, Partner_ID ,RESPONDED_ON,score\nhello,P-00002,2026-01-01,9\n,P-00003,2026-02-01,0\n"),
    (.directAccounts, "domain,account,owner\nacme.com,Acme,west\nwww.beta.co.uk,Beta,east\n"),
    (.enablement, "partner_id,item,completed_on\nP-00001,portal,2026-01-01\nP-00001,Certification,2026-02-01\n"),
    (.mdfRequests, "request_id,partner_id,activity,description,submitted_at,starts_on,ends_on,requested_amount,status,decided_at,approved_amount,claimed_at,claimed_amount,proof,paid_on,paid_amount,note\nM-1,P-00001,Event,\"Roadshow, \"\"EMEA\"\"\",2026-03-01T09:00:00Z,2026-04-01,2026-04-02,1000.00,paid,2026-03-02T09:00:00Z,900,2026-04-20T09:00:00Z,950.5,https://x/p.pdf,2026-05-01,900,\nM-2,P-00002,webinar,,2026-03-01T09:00:00Z,2026-04-01,2026-04-01,10,INFO_REQUESTED,,,,,,,,which venue?\n"),
    (.mdfAllocations, "partner_id,year,amount\nP-00001,2026,30000.00\nP-00001,2027,0\n"),
]
