//! Routes whose code is fetched when they are first opened. Each is cut off
//! the main module at a `#[wasm_split]` point by the build (see
//! `xtask/src/site.rs`), so the first load carries only the routes a visit
//! starts with. A chunk that cannot be fetched (offline before the service
//! worker cached it, say) shows a message instead of stopping the app.

use std::future::Future;
use std::pin::Pin;

use leptos::prelude::*;
use leptos::wasm_split::SplitLoaderError;

/// A lazy route's code could not be fetched.
#[derive(Debug, Clone, Copy)]
pub struct ChunkMissing;

impl From<SplitLoaderError> for ChunkMissing {
    fn from(_: SplitLoaderError) -> Self {
        ChunkMissing
    }
}

#[component]
pub fn ChunkMissingView() -> impl IntoView {
    let retry = |_| {
        let _ = window().location().reload();
    };
    view! {
        <section class="panel problem" role="alert">
            <h1>"This page could not be loaded"</h1>
            <p>"KeyDeck could not download this part of the site. Check your connection, then try again."</p>
            <button type="button" class="button" on:click=retry>"Try again"</button>
        </section>
    }
}

/// Declares a route whose view lives in the chunk `$chunk`: a unit struct
/// implementing `LazyRoute`, whose view is `$view`, shown once the pages'
/// shared stylesheet and, with `style = "NAME"`, the route's own have
/// loaded too (`crate::style`); with `sheets = []`, a route styled by the
/// shell's `main.css` alone waits for none. Once drawn, the page the build
/// rendered gives way to it (`crate::boot`). With `ready = $ready`, the view also
/// waits for that future (`Result<(), ChunkMissing>`), fetched alongside
/// the chunk: content the page needs before it renders.
macro_rules! lazy_route {
    ($route:ident, $chunk:ident, $split:ident, $view:expr) => {
        $crate::lazy::lazy_route!($route, $chunk, $split, $view, sheets = [$crate::style::SHARED]);
    };
    ($route:ident, $chunk:ident, $split:ident, $view:expr, sheets = [$($sheet:expr),*]) => {
        $crate::lazy::lazy_route!(@full $route, $chunk, $split, $view, &[$($sheet),*], async {
            Ok::<(), $crate::lazy::ChunkMissing>(())
        });
    };
    ($route:ident, $chunk:ident, $split:ident, $view:expr, style = $style:literal) => {
        $crate::lazy::lazy_route!(
            $route, $chunk, $split, $view,
            sheets = [$crate::style::SHARED, $style]
        );
    };
    ($route:ident, $chunk:ident, $split:ident, $view:expr, style = $style:literal, ready = $ready:expr) => {
        $crate::lazy::lazy_route!(
            @full $route, $chunk, $split, $view,
            &[$crate::style::SHARED, $style], $ready
        );
    };
    (@full $route:ident, $chunk:ident, $split:ident, $view:expr, $sheets:expr, $ready:expr) => {
        pub struct $route;

        impl leptos_router::LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_: Self) -> leptos::prelude::AnyView {
                #[leptos::wasm_split::wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
                fn $split() -> Result<leptos::prelude::AnyView, $crate::lazy::ChunkMissing> {
                    Ok(leptos::prelude::IntoAny::into_any($view))
                }
                $crate::lazy::arrive(
                    ::std::boxed::Box::pin($split()),
                    ::std::boxed::Box::pin($ready),
                    $sheets,
                )
                .await
            }
        }
    };
}

pub(crate) use lazy_route;

/// What [`arrive`] waits for: a chunk's view, or content a route needs.
pub type Arriving<T> = Pin<Box<dyn Future<Output = Result<T, ChunkMissing>>>>;

/// A lazy route's view once its chunk, its content (`ready`) and its
/// stylesheets (`sheets`) have all come,
/// fetched together; or the message that one of them could not be. One
/// function that every lazy route calls, so that the main module holds its
/// code once rather than once a route.
pub async fn arrive(
    view: Arriving<AnyView>,
    ready: Arriving<()>,
    sheets: &'static [&'static str],
) -> AnyView {
    // The chunk and the sheets are asked for at once; what the route
    // needs read (its `ready`) starts a task later, so that the task that
    // chose the route does not also read its content.
    let ready = async {
        next_task().await;
        ready.await
    };
    let (view, ready, styled) =
        futures_util::future::join3(view, ready, crate::style::for_route(sheets)).await;
    // The last of them often comes in the task that instantiates a chunk:
    // the route draws in a task of its own.
    next_task().await;
    let view = match ready.and(styled).and(view) {
        Ok(view) => view,
        Err(_) => view! { <ChunkMissingView/> }.into_any(),
    };
    view! { {view} <crate::boot::Drawn/> }.into_any()
}

/// What a split point's function gave, fetched once and kept in `cell`:
/// later calls have it at once, and code that cannot wait reads `cell`.
pub async fn kept<T: Copy + 'static, F: Future<Output = Result<T, ChunkMissing>>>(
    cell: &'static std::thread::LocalKey<std::cell::Cell<Option<T>>>,
    fetch: impl FnOnce() -> F,
) -> Result<T, ChunkMissing> {
    if let Some(kept) = cell.get() {
        return Ok(kept);
    }
    let fetched = fetch().await?;
    cell.set(Some(fetched));
    Ok(fetched)
}

/// Resolves in a later task, so that what follows (a route's first render)
/// does not lengthen the task that got here (reading its content).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
