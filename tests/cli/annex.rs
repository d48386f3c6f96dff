//! Format 2 annexes (`part_of`) and month dates through the binary: an annex without its
//! own `parties` checks clean, the report lists it under its main agreement, the graph
//! links the two, and a month is printed as a month.

use calamine::Reader;

use super::Fixture;

const FILES: &[(&str, &str)] = &[
    ("registry.toml", "name = \"Skåne\"\n"),
    (
        "parties/region-skane.toml",
        "name = \"Region Skåne\"\nkind = \"region\"\n",
    ),
    (
        "parties/malmo.toml",
        "name = \"Malmö stad\"\nkind = \"municipality\"\n",
    ),
    (
        "agreements/hsa.toml",
        "title = \"Hälso- och sjukvårdsavtalet\"\nparties = [\"region-skane\", \"malmo\"]\nsigned = \"2022-06\"\neffective = 2023-01-01\n",
    ),
    (
        "agreements/zz-palliativ.toml",
        "title = \"Överenskommelse om palliativ vård\"\npart_of = \"hsa\"\neffective = 2023-06-01\n",
    ),
    (
        "agreements/mm-other.toml",
        "title = \"Annan överenskommelse\"\nparties = [\"region-skane\", \"malmo\"]\neffective = 2023-01-01\n",
    ),
    (
        "bodies/palliativ-grupp.toml",
        "name = \"Arbetsgrupp palliativ vård\"\nagreement = \"zz-palliativ\"\nlevel = \"official\"\nkind = \"standing\"\npower = \"advisory\"\nestablished = 2023-06-01\n[seats]\n",
    ),
    (
        "cases/2026/rutin.toml",
        "title = \"Rutin\"\nraised = \"2026-05\"\nraised_by = \"malmo\"\nconcerns = \"all\"\nagreement = \"zz-palliativ\"\n[[event]]\ndate = \"2026-05\"\nbody = \"palliativ-grupp\"\naction = \"discussed\"\n",
    ),
];

fn stdout(fixture: &Fixture, args: &[&str]) -> String {
    let out = fixture.cmd().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn an_annex_checks_clean_with_its_main_agreements_parties() {
    let fixture = Fixture::new(FILES);
    let (doc, code) = fixture.check_json();
    assert_eq!(doc["findings"], serde_json::json!([]), "{doc:#}");
    assert_eq!(code, 0);
}

#[test]
fn the_report_lists_an_annex_under_its_agreement_and_months_as_months() {
    let fixture = Fixture::new(FILES);
    let md = stdout(&fixture, &["report", "--year", "2026"]);
    let heading = |title: &str| md.find(&format!("## {title}")).expect(title);
    assert!(heading("Hälso- och sjukvårdsavtalet") < heading("Överenskommelse om palliativ vård"));
    assert!(heading("Överenskommelse om palliativ vård") < heading("Annan överenskommelse"));
    assert!(
        md.contains("`zz-palliativ`, annex of `hsa`: 2 parties."),
        "{md}"
    );
    assert!(md.contains("(raised May 2026)"), "{md}");
    assert!(!md.contains("2026-05-01"), "{md}");
    let json: serde_json::Value = serde_json::from_str(&stdout(
        &fixture,
        &["report", "--year", "2026", "--format", "json"],
    ))
    .expect("JSON");
    let annex = &json["agreements"][1];
    assert_eq!(annex["part_of"], "hsa");
    assert_eq!(annex["cases"][0]["raised"], "2026-05");
    assert_eq!(annex["cases"][0]["events"][0]["date"], "2026-05");
    assert!(json["agreements"][0].get("part_of").is_none());
}

#[test]
fn the_graph_links_an_annex_to_its_main_agreement() {
    let fixture = Fixture::new(FILES);
    let mermaid = stdout(&fixture, &["graph"]);
    assert!(
        mermaid.contains("  a_zz_palliativ -.->|annex of| a_hsa\n"),
        "{mermaid}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&fixture, &["graph", "--format", "json"])).expect("JSON");
    let annex = json["agreements"]
        .as_array()
        .expect("agreements")
        .iter()
        .find(|a| a["id"] == "zz-palliativ")
        .expect("the annex");
    assert_eq!(annex["part_of"], "hsa");
}

#[test]
fn the_report_spreadsheet_names_an_annex_s_main_agreement_in_both_languages() {
    let fixture = Fixture::new(FILES);
    for (lang, sheet, column) in [
        ("sv", "Överenskommelser", "Bilaga till"),
        ("en", "Agreements", "Annex of"),
    ] {
        // Outside the registry, which has no place for a spreadsheet.
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("report.xlsx");
        let out = path.to_str().expect("a UTF-8 path");
        stdout(
            &fixture,
            &[
                "report", "--year", "2026", "--lang", lang, "--format", "xlsx", "--out", out,
            ],
        );
        let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).expect("an xlsx");
        let range = book.worksheet_range(sheet).expect("the agreements sheet");
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(ToString::to_string).collect())
            .collect();
        assert_eq!(rows[0].last().map(String::as_str), Some(column), "{rows:?}");
        // The annex right after its main agreement, naming it; the others name none.
        let ids_and_mains: Vec<(&str, &str)> = rows[1..]
            .iter()
            .map(|r| (r[0].as_str(), r.get(4).map_or("", String::as_str)))
            .collect();
        assert_eq!(
            ids_and_mains,
            [("hsa", ""), ("zz-palliativ", "hsa"), ("mm-other", "")],
            "{lang}"
        );
    }
}
