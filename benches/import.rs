//! Opening an ACLED export: 100,000 invented rows in ACLED's column layout (three years, 180
//! places, six actors) read, validated, merged and indexed, as the window opens one. Issue 19
//! asks for at most 2 s on 2 cores. Run with `cargo bench --bench import`.

use claimline::import::{Input, load_inputs};
use claimline::load::SourceText;
use claimline::query::Catalog;

fn main() {
    divan::main();
}

/// `rows` invented rows with ACLED's standard header: no real event, actor or place.
fn acled_rows(rows: usize) -> String {
    let mut out = String::from(
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,\
         actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,\
         iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,\
         source_scale,notes,fatalities,tags,timestamp\n",
    );
    let actors = [
        "Military Forces of Northland (2003-)",
        "Military Forces of Southland (1999-)",
        "Police Forces of Northland (2003-)",
        "Unidentified Armed Group (Northland)",
        "Protesters (Northland)",
        "Civilians (Northland)",
    ];
    let types = [
        ("Battles", "Armed clash"),
        (
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
        ("Explosions/Remote violence", "Air/drone strike"),
        ("Protests", "Peaceful protest"),
        ("Strategic developments", "Looting/property destruction"),
    ];
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for i in 0..rows {
        let day = chrono::NaiveDate::from_ymd_opt(2018, 1, 1).unwrap()
            + chrono::Duration::days((i * 1095 / rows) as i64);
        let (t, sub) = types[(next() % 5) as usize];
        let place = next() % 180;
        let (a1, a2) = (next() % 6, next() % 6);
        out.push_str(&format!(
            "NRL{i},{day},{},1,Political violence,{t},{sub},{},,1,{},,2,12,,901,Middle Vale,\
             Northland,Province {},District {place},,Village {place},{:.4},{:.4},1,\
             Harbour Post; Lantern Wire,National,\"On {day}, a clash was reported near Village \
             {place}, with small arms, \"\"as locals said\"\".\",{},,{}\n",
            day.format("%Y"),
            actors[a1 as usize],
            actors[a2 as usize],
            place % 12,
            40.0 + (place as f64) * 0.01,
            44.0 + (place as f64) * 0.013,
            next() % 4,
            1_514_764_800 + i as i64 * 900,
        ));
    }
    out
}

#[divan::bench(sample_count = 3)]
fn open_100k_acled_rows(bencher: divan::Bencher) {
    let text = acled_rows(100_000);
    bencher
        .with_inputs(|| {
            Input::text(SourceText {
                name: "export.csv".into(),
                text: text.clone(),
            })
        })
        .bench_values(|input| {
            let out = load_inputs(vec![input]);
            let ds = out
                .dataset
                .unwrap_or_else(|| panic!("{:?}", &out.diagnostics[..3]));
            assert_eq!(ds.events.len(), 100_000);
            Catalog::new(ds)
        });
}

/// The importer alone: rows to a dataset file, before Claimline's checks and index.
#[divan::bench(sample_count = 3)]
fn read_100k_acled_rows(bencher: divan::Bencher) {
    let text = acled_rows(100_000);
    bencher.bench(|| {
        let imported = claimline::import::read_acled("export.csv", text.as_bytes(), None)
            .unwrap_or_else(|d| panic!("{:?}", &d[..3]));
        assert_eq!(imported.file.events.len(), 100_000);
        imported
    });
}

/// The importer and Claimline's checks and merge, without the index.
#[divan::bench(sample_count = 3)]
fn check_100k_acled_rows(bencher: divan::Bencher) {
    let text = acled_rows(100_000);
    bencher
        .with_inputs(|| {
            Input::text(SourceText {
                name: "export.csv".into(),
                text: text.clone(),
            })
        })
        .bench_values(|input| load_inputs(vec![input]));
}
