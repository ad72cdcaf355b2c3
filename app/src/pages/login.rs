//! Staff sign-in: `/login` (email and password), `/login/code` (the authenticator code, or a
//! recovery code), `/login/enrol` (setting up an authenticator, once), `/login/recovery-codes`
//! (shown once), and signing out.

use crate::components::form::{ErrorSummary, TextInput};
use leptos::prelude::*;
use leptos::server_fn::{
    codec::JsonEncoding,
    error::{FromServerFnError, ServerFnErrorErr},
};
use leptos_meta::Title;
use serde::{Deserialize, Serialize};
use shared::referral::FieldError;

#[cfg(feature = "ssr")]
use crate::auth;

/// What can go wrong signing in, as a page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SignInError {
    #[error("some answers need correcting")]
    Rejected(Vec<FieldError>),
    /// The password step was not done (or the session ended): start again.
    #[error("the sign-in was not started")]
    NotStarted,
    #[error("the service is unavailable")]
    Unavailable,
    #[error("request failed: {0}")]
    Transport(ServerFnErrorErr),
}

impl FromServerFnError for SignInError {
    type Encoder = JsonEncoding;
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        Self::Transport(value)
    }
}

/// Problems shown on a sign-in page, with what was typed (never a password or code).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refused {
    pub email: String,
    pub errors: Vec<FieldError>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SignInProblem {
    #[error("the email address or password is not right")]
    NotRight,
    #[error("too many attempts: wait {lock}, then try again", lock = shared::durations::GUESS_LOCK)]
    Locked,
    #[error("the code is not right, or has been used: enter the newest code from your app")]
    CodeNotRight,
    #[error("choose a password that is harder to guess: avoid common passwords and your own name or email")]
    TooEasy,
}

#[cfg(feature = "ssr")]
const REFUSED: &str = "login.refused";

/// A refusal: a plain form goes back to `page` (which shows it once); a script gets a 422.
#[cfg(feature = "ssr")]
pub(crate) async fn refuse(page: &str, email: &str, errors: Vec<FieldError>) -> Result<(), SignInError> {
    if crate::request::is_plain_form() {
        let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
        let refused = Refused { email: email.chars().take(254).collect(), errors };
        session.insert(REFUSED, refused).await.map_err(|_| SignInError::Unavailable)?;
        leptos_axum::redirect(page);
        return Ok(());
    }
    crate::error::set_status(http::StatusCode::UNPROCESSABLE_ENTITY);
    Err(SignInError::Rejected(errors))
}

/// The refusal to show on a sign-in page, once.
#[server(endpoint = "login/refused")]
pub async fn load_refused() -> Result<Refused, SignInError> {
    auth::no_store();
    let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
    Ok(session.remove::<Refused>(REFUSED).await.ok().flatten().unwrap_or_default())
}

#[server(endpoint = "login")]
pub async fn sign_in(#[server(default)] email: String, #[server(default)] password: String) -> Result<(), SignInError> {
    use crate::ports::SignInOutcome;
    let (address, secret) = match shared::account::parse_sign_in(&email, &password) {
        Ok(parsed) => parsed,
        Err(problems) => {
            let errors = problems.into_iter().map(|(field, message)| FieldError::new(field, &message)).collect();
            return refuse("/login", &email, errors).await;
        }
    };
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    let outcome = ports
        .accounts
        .sign_in(address.as_str(), &secret, &crate::request::client_address())
        .await
        .map_err(|_| SignInError::Unavailable)?;
    let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
    let unavailable = |_| SignInError::Unavailable;
    match outcome {
        SignInOutcome::NeedsCode(user) => {
            session.cycle_id().await.map_err(unavailable)?;
            // A set-up left unfinished in this session must never be confirmed later.
            let _ = session.remove::<String>(auth::ENROLMENT).await;
            session.insert(auth::PENDING, user).await.map_err(unavailable)?;
            session.insert(auth::PENDING_AT, ports.clock.now()).await.map_err(unavailable)?;
            leptos_axum::redirect("/login/code");
            Ok(())
        }
        SignInOutcome::NeedsEnrolment(user) => {
            let staff =
                ports.accounts.active_user(user, ports.clock.now()).await.map_err(|_| SignInError::Unavailable)?;
            begin_enrolment(&staff.ok_or(SignInError::Unavailable)?).await?;
            leptos_axum::redirect("/login/enrol");
            Ok(())
        }
        SignInOutcome::Refused => {
            refuse("/login", &email, vec![FieldError::new("login-email", &SignInProblem::NotRight)]).await
        }
        SignInOutcome::Locked => {
            refuse("/login", &email, vec![FieldError::new("login-email", &SignInProblem::Locked)]).await
        }
    }
}

/// A right password and no authenticator yet: a new session holds the user as pending, with a
/// new authenticator secret (sealed) to confirm on `/login/enrol`.
#[cfg(feature = "ssr")]
pub(crate) async fn begin_enrolment(user: &crate::ports::StaffUser) -> Result<(), SignInError> {
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
    let unavailable = |_| SignInError::Unavailable;
    let (sealed, _) = ports.accounts.new_enrolment(user).map_err(|_| SignInError::Unavailable)?;
    session.cycle_id().await.map_err(unavailable)?;
    session.insert(auth::PENDING, user.id).await.map_err(unavailable)?;
    session.insert(auth::PENDING_AT, ports.clock.now()).await.map_err(unavailable)?;
    session.insert(auth::ENROLMENT, sealed).await.map_err(unavailable)?;
    Ok(())
}

/// The user between a right password and a right code.
#[cfg(feature = "ssr")]
async fn pending() -> Result<crate::ports::StaffUser, SignInError> {
    let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
    let user: i64 = session.get(auth::PENDING).await.ok().flatten().ok_or(SignInError::NotStarted)?;
    let since: i64 = session.get(auth::PENDING_AT).await.ok().flatten().ok_or(SignInError::NotStarted)?;
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    if ports.clock.now() - since > auth::PENDING_LIMIT_SECS {
        let _ = session.flush().await;
        return Err(SignInError::NotStarted);
    }
    // Judged as of the right password: a password reset or "end all sessions" since then ends
    // this half-done sign-in too.
    let staff = ports.accounts.active_user(user, since).await.map_err(|_| SignInError::Unavailable)?;
    if staff.is_none() {
        let _ = session.flush().await;
    }
    staff.ok_or(SignInError::NotStarted)
}

#[server(endpoint = "login/code")]
pub async fn second_factor(#[server(default)] code: String) -> Result<(), SignInError> {
    let user = pending().await?;
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    let checked = ports.accounts.second_factor(&user, &code).await.map_err(|_| SignInError::Unavailable)?;
    let ok = matches!(checked, crate::ports::CodeCheck::Opened(()));
    ports.accounts.audit("staff.sign_in.code", Some(user.id), None, ok).await;
    match checked {
        crate::ports::CodeCheck::Opened(()) => {}
        crate::ports::CodeCheck::Wrong => {
            return refuse("/login/code", "", vec![FieldError::new("login-code", &SignInProblem::CodeNotRight)]).await;
        }
        // Too many wrong codes: this sign-in ends, and the account is locked for a while.
        crate::ports::CodeCheck::Locked => {
            let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
            let _ = session.flush().await;
            return refuse("/login", &user.email, vec![FieldError::new("login-email", &SignInProblem::Locked)]).await;
        }
    }
    let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
    auth::sign_in(&session, user.id).await.map_err(|_| SignInError::Unavailable)?;
    leptos_axum::redirect(user.scope.role().home());
    Ok(())
}

/// The pending authenticator to set up.
#[server(endpoint = "login/enrolment")]
pub async fn load_enrolment() -> Result<crate::pages::login::EnrolmentView, SignInError> {
    auth::no_store();
    let user = pending().await?;
    let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
    let sealed: String = session.get(auth::ENROLMENT).await.ok().flatten().ok_or(SignInError::NotStarted)?;
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    let shown = ports.accounts.show_enrolment(&user, &sealed).map_err(|_| SignInError::Unavailable)?;
    Ok(EnrolmentView { email: user.email, secret_base32: shown.secret_base32, qr_svg: shown.qr_svg })
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentView {
    pub email: String,
    pub secret_base32: String,
    pub qr_svg: String,
}

#[cfg(feature = "ssr")]
const RECOVERY_COOKIE: &str = "__Host-naccc-recovery";

#[server(endpoint = "login/enrol")]
pub async fn confirm_enrolment(#[server(default)] code: String) -> Result<(), SignInError> {
    let user = pending().await?;
    let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
    let sealed: String = session.get(auth::ENROLMENT).await.ok().flatten().ok_or(SignInError::NotStarted)?;
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    let codes = ports.accounts.enrol(&user, &sealed, &code).await.map_err(|_| SignInError::Unavailable)?;
    ports.accounts.audit("staff.enrol", Some(user.id), None, codes.is_some()).await;
    let Some(codes) = codes else {
        return refuse("/login/enrol", "", vec![FieldError::new("login-code", &SignInProblem::CodeNotRight)]).await;
    };
    auth::sign_in(&session, user.id).await.map_err(|_| SignInError::Unavailable)?;
    crate::request::set_once_cookie(RECOVERY_COOKIE, &codes.join("."));
    leptos_axum::redirect("/login/recovery-codes");
    Ok(())
}

/// The recovery codes just made, once (the cookie that carried them is cleared).
#[server(endpoint = "login/recovery")]
pub async fn load_recovery_codes() -> Result<(Vec<String>, String), SignInError> {
    let user = auth::current_user().await.map_err(|_| SignInError::NotStarted)?;
    let codes = crate::request::take_once_cookie(RECOVERY_COOKIE)
        .map(|v| v.split('.').map(str::to_owned).collect())
        .unwrap_or_default();
    Ok((codes, user.scope.role().home().to_owned()))
}

#[server(endpoint = "logout")]
pub async fn sign_out() -> Result<(), SignInError> {
    let session = auth::session().await.map_err(|_| SignInError::Unavailable)?;
    if let Ok(user) = auth::current_user().await
        && let Ok(ports) = crate::ports::use_ports()
    {
        ports.accounts.audit("staff.sign_out", Some(user.id), None, true).await;
    }
    session.flush().await.map_err(|_| SignInError::Unavailable)?;
    leptos_axum::redirect("/login?signed-out=1");
    Ok(())
}

pub(crate) fn shown<T>(action: ServerAction<T>, refused: Vec<FieldError>) -> Signal<Vec<FieldError>>
where
    T: leptos::server_fn::ServerFn<Output = (), Error = SignInError> + Clone + Send + Sync + 'static,
{
    Signal::derive(move || match action.value().get() {
        Some(Err(SignInError::Rejected(errors))) => errors,
        _ => refused.clone(),
    })
}

#[component]
pub fn LoginPage() -> impl IntoView {
    let action = ServerAction::<SignIn>::new();
    let refused = Resource::new(|| (), |_| load_refused());
    let notice = leptos_router::hooks::use_query_map().with_untracked(|q| {
        if q.get("signed-out").is_some() {
            Some("You have signed out.")
        } else if q.get("password-changed").is_some() {
            Some("Your password has been changed. Sign in with it and a code from your authenticator app.")
        } else {
            None
        }
    });
    view! {
        <Title text="Sign in" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let refused = refused.await.unwrap_or_default();
                let errors = shown(action, refused.errors);
                view! {
                    <ErrorSummary errors />
                    {notice.map(|n| view! { <div class="notification" role="status"><p>{n}</p></div> })}
                    <h1 class="heading-l">"Sign in"</h1>
                    <p class="body">"For staff of child contact centres, NACCC, assessors and the board. Parents do not need an account: "
                        <a href="/refer">"make a referral"</a>" instead."</p>
                    <ActionForm action>
                        <TextInput id="login-email" name="email" plain=true label="Email address" kind="email"
                            value=refused.email errors autocomplete="username" />
                        <TextInput id="login-password" name="password" plain=true label="Password" kind="password"
                            value="" errors autocomplete="current-password" />
                        <button type="submit" class="button">"Continue"</button>
                    </ActionForm>
                    <p><a href="/login/forgot">"Forgotten your password?"</a></p>
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn CodePage() -> impl IntoView {
    let action = ServerAction::<SecondFactor>::new();
    let refused = Resource::new(|| (), |_| load_refused());
    view! {
        <Title text="Enter your code" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let refused = refused.await.unwrap_or_default();
                let errors = shown(action, refused.errors);
                view! {
                    <ErrorSummary errors />
                    <h1 class="heading-l">"Enter the code from your authenticator app"</h1>
                    <ActionForm action>
                        <TextInput id="login-code" name="code" plain=true label="Code"
                            hint="The 6-digit code your app shows now, or one of your recovery codes"
                            value="" errors autocomplete="one-time-code" class="input input--width-10" />
                        <button type="submit" class="button">"Sign in"</button>
                    </ActionForm>
                    <p><a href="/login">"Start again"</a></p>
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn EnrolPage() -> impl IntoView {
    let action = ServerAction::<ConfirmEnrolment>::new();
    let refused = Resource::new(|| (), |_| load_refused());
    let enrolment = Resource::new(|| (), |_| load_enrolment());
    view! {
        <Title text="Set up your authenticator app" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let refused = refused.await.unwrap_or_default();
                let errors = shown(action, refused.errors);
                match enrolment.await {
                    Ok(e) => view! {
                        <ErrorSummary errors />
                        <h1 class="heading-l">"Set up your authenticator app"</h1>
                        <p class="body">"Every staff account signs in with a code from an authenticator app as well as a password. Scan this QR code with the app, or type in the key below."</p>
                        <figure class="qr" role="img" aria-label="QR code for your authenticator app" inner_html=e.qr_svg></figure>
                        <p class="body">"Key for "{e.email}": "<strong class="code" id="totp-key">{e.secret_base32}</strong></p>
                        <ActionForm action>
                            <TextInput id="login-code" name="code" plain=true label="Code from the app"
                                hint="Enter the 6-digit code the app now shows" value="" errors autocomplete="one-time-code"
                                class="input input--width-10" />
                            <button type="submit" class="button">"Finish setting up"</button>
                        </ActionForm>
                    }
                    .into_any(),
                    Err(_) => view! { <NotStarted /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NotStarted() -> impl IntoView {
    view! {
        <h1 class="heading-l">"Please sign in again"</h1>
        <p class="body">"Your sign-in did not finish in time. "<a href="/login">"Sign in"</a></p>
    }
}

#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| load_recovery_codes());
    view! {
        <Title text="Your recovery codes" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok((codes, home)) => view! {
                        <h1 class="heading-l">"Your recovery codes"</h1>
                        <p class="body">"If you lose your phone, each of these codes signs you in once instead of an app code. Keep them somewhere safe. They are shown only now."</p>
                        <ul class="list code" id="recovery-codes">{codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}</ul>
                        <p><a class="button" href=home>"Continue"</a></p>
                    }
                    .into_any(),
                    Err(_) => view! { <NotStarted /> }.into_any(),
                }
            })}
        </Suspense>
    }
}
