//! Generates the typed translation module from `locales/*.json`: a missing key
//! in either language is a build error, not a blank on the page.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR unset")?).join("i18n");
    // interpolate_display: messages with values (row numbers, codes) can be
    // rendered to plain strings, e.g. inside an attribute or a table cell.
    let cfg = Config::new("vi")?.add_locale("en")?.parse_options(ParseOptions::default().interpolate_display(true));
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(out)?;
    Ok(())
}
