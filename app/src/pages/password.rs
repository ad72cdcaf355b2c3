//! Passwords by emailed link: `/login/forgot` asks for a reset link (the same answer whether or
//! not the account exists), `/login/password?token=…` chooses a password (a first one from an
//! invitation, then an authenticator is set up; or a new one after a reset). `/logout` offers
//! signing out (a GET never changes anything).

use crate::components::form::TextInput;
use crate::pages::login::{Refused, SignInError, SignOut, load_refused};
use crate::pages::staff_checks::{StaffCheck, StaffRule};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use shared::referral::FieldError;
use shared::referral::Fields;
use shared::staff_admin::LinkPurpose;

#[cfg(feature = "ssr")]
use crate::auth;

#[server(endpoint = "login/forgot")]
pub async fn request_reset(#[server(default)] f: Fields) -> Result<(), SignInError> {
    let email = f.get("email").cloned().unwrap_or_default();
    let address = match shared::referral::EmailAddress::parse(&email) {
        Ok(a) => a,
        Err(e) => {
            return crate::pages::login::refuse("/login/forgot", &email, vec![FieldError::new("reset-email", &e)])
                .await;
        }
    };
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    ports.accounts.request_password_reset(&address).await.map_err(|_| SignInError::Unavailable)?;
    leptos_axum::redirect("/login/forgot/sent");
    Ok(())
}

/// What the page for a link shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkView {
    pub purpose: LinkPurpose,
    pub email: String,
}

#[server(endpoint = "login/link")]
pub async fn load_link(#[server(default)] token: String) -> Result<Option<LinkView>, SignInError> {
    auth::no_store();
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    let opened = ports.accounts.open_link(&token).await.map_err(|_| SignInError::Unavailable)?;
    Ok(opened.map(|o| LinkView { purpose: o.purpose, email: o.user.email }))
}

#[server(endpoint = "login/password")]
pub async fn choose_password(
    #[server(default)] token: String,
    #[server(default)] f: Fields,
) -> Result<(), SignInError> {
    let password = f.get("password").map(String::as_str).unwrap_or("");
    use crate::ports::LinkUse;
    let page = format!("/login/password?token={}", token.chars().filter(char::is_ascii_hexdigit).collect::<String>());
    let password = match shared::staff_admin::parse_new_password(password) {
        Ok(p) => p,
        Err(errors) => return crate::pages::login::refuse(&page, "", errors).await,
    };
    let ports = crate::ports::use_ports().map_err(|_| SignInError::Unavailable)?;
    match ports.accounts.use_link(&token, &password).await.map_err(|_| SignInError::Unavailable)? {
        LinkUse::PasswordSet(opened) => match opened.purpose {
            LinkPurpose::Invitation => {
                // Straight on to setting up the authenticator, as after a first sign-in.
                crate::pages::login::begin_enrolment(&opened.user).await?;
                leptos_axum::redirect("/login/enrol");
                Ok(())
            }
            LinkPurpose::PasswordReset => {
                leptos_axum::redirect("/login?password-changed=1");
                Ok(())
            }
        },
        LinkUse::TooEasyToGuess => {
            let error = FieldError::new("new-password", &crate::pages::login::SignInProblem::TooEasy);
            crate::pages::login::refuse(&page, "", vec![error]).await
        }
        LinkUse::Gone => {
            leptos_axum::redirect(&page);
            Ok(())
        }
    }
}

#[component]
pub fn ForgotPage() -> impl IntoView {
    let refused = Resource::new(|| (), |_| load_refused());
    view! {
        <Title text="Reset your password" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new(async move {
                let refused: Refused = refused.await.unwrap_or_default();
                view! { <ForgotForm refused /> }
            })}
        </Suspense>
    }
}

/// The email address, checked in the browser before it is sent.
#[component]
fn ForgotForm(refused: Refused) -> impl IntoView {
    let action = ServerAction::<RequestReset>::new();
    let errors = Signal::stored(refused.errors.clone());
    view! {
        <a href="/login" class="back-link">"Back"</a>
        <StaffCheck rule=StaffRule::ResetEmail errors=refused.errors>
        <h1 class="heading-l">"Reset your password"</h1>
        <p class="body">"Enter the email address of your account. We will send a link to choose a new password."</p>
        <ActionForm action>
            <TextInput id="reset-email" name="email" label="Email address" kind="email"
                value=refused.email errors autocomplete="username" />
            <button type="submit" class="button" data-check="">"Send the link"</button>
        </ActionForm>
        </StaffCheck>
    }
}

/// Where asking for a reset link lands: the same words whether or not the account exists.
#[component]
pub fn ResetSentPage() -> impl IntoView {
    view! {
        <Title text="Check your email" />
        <h1 class="heading-l">"Check your email"</h1>
        <p class="body">"If there is an account for that address, we have sent it a link to choose a new password. "{format!("The link works once, for {}.", shared::durations::PASSWORD_RESET_LINK)}</p>
        <p class="body">"You will still need your authenticator app to sign in."</p>
        <p><a href="/login">"Back to sign in"</a></p>
    }
}

#[component]
pub fn PasswordPage() -> impl IntoView {
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let for_link = token.clone();
    let link = Resource::new(move || for_link.clone(), load_link);
    let refused = Resource::new(|| (), |_| load_refused());
    view! {
        <Title text="Choose a password" />
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {move || Suspend::new({
                let token = token.clone();
                async move {
                    let refused: Refused = refused.await.unwrap_or_default();
                    match link.await {
                        Ok(Some(link)) => {
                            let heading = match link.purpose {
                                LinkPurpose::Invitation => "Choose your password",
                                LinkPurpose::PasswordReset => "Choose a new password",
                            };
                            view! { <PasswordForm heading=heading.to_owned() email=link.email token refused /> }.into_any()
                        }
                        Ok(None) => view! {
                            <h1 class="heading-l">"This link no longer works"</h1>
                            <p class="body">"Links work once, and only for a while. If you were choosing a new password, "
                                <a href="/login/forgot">"ask for a new link"</a>". If you were invited, ask a NACCC administrator to send a new invitation."</p>
                        }
                        .into_any(),
                        Err(_) => view! { <h1 class="heading-l">"Sorry, there is a problem with the service"</h1> }.into_any(),
                    }
                }
            })}
        </Suspense>
    }
}

/// The new password, checked in the browser before it is sent.
#[component]
fn PasswordForm(heading: String, email: String, token: String, refused: Refused) -> impl IntoView {
    let action = ServerAction::<ChoosePassword>::new();
    let errors = Signal::stored(refused.errors.clone());
    view! {
        <StaffCheck rule=StaffRule::NewPassword errors=refused.errors>
        <h1 class="heading-l">{heading}</h1>
        <p class="body">"For "<strong>{email.clone()}</strong>"."</p>
        <ActionForm action>
            <input type="hidden" name="token" value=token />
            <input type="text" name="username" value=email autocomplete="username" hidden=true readonly=true />
            <TextInput id="new-password" name="password" label="New password" kind="password"
                hint="At least 8 characters. Several unrelated words make a strong password that is easy to remember."
                value="" errors autocomplete="new-password" />
            <button type="submit" class="button" data-check="">"Save password"</button>
        </ActionForm>
        </StaffCheck>
    }
}

#[component]
pub fn LogoutPage() -> impl IntoView {
    let sign_out = ServerAction::<SignOut>::new();
    view! {
        <Title text="Sign out" />
        <h1 class="heading-l">"Sign out"</h1>
        <p class="body">"Signing out ends your session on this device."</p>
        <ActionForm action=sign_out>
            <button type="submit" class="button">"Sign out"</button>
        </ActionForm>
    }
}
