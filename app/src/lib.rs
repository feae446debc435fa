//! The web application: pages grouped by role, each with the server functions
//! it calls. Compiled twice: with `ssr` into the server, with `hydrate` into
//! the browser bundle.
#![recursion_limit = "256"]

pub mod app;
pub mod components;
pub mod error;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ssr;

include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
    // A visible sign that the page is interactive: browser tests wait for it
    // instead of sleeping, and support staff can check it in the inspector.
    if let Some(body) = leptos::prelude::document().body() {
        let _ = body.set_attribute("data-hydrated", "true");
    }
}
