use anyhow::Context;
use clap::Parser;
use leptos::prelude::get_configuration;
use server::{
    config::{Cli, Command, ServeArgs},
    platform::{crypto::FieldCipher, jobs},
    seed,
    store::{Store, redact_url},
    web::router::{AppState, router},
};
use tracing_subscriber::EnvFilter;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")))
        .init();

    let cli = Cli::parse();
    let url = cli.database.url();
    if url.starts_with("sqlite:") {
        std::fs::create_dir_all(&cli.database.data_dir)
            .with_context(|| format!("creating data directory {}", cli.database.data_dir.display()))?;
    }
    // Before anything opens (and so creates or migrates) the database: a backup copies the
    // database as it is; a restore goes into a database that does not exist yet.
    if let Some(Command::Backup { to }) = &cli.command {
        server::platform::backup::backup_database(&url, to).await.context("backing up the database")?;
        tracing::info!(to = %to.display(), "backup written");
        return Ok(());
    }
    if let Some(Command::Restore { from }) = &cli.command {
        server::platform::backup::restore(&url, from)
            .await
            .with_context(|| format!("restoring {} into {}", from.display(), redact_url(&url)))?;
        Store::connect(&url).await?.migrate().await.context("migrating the restored database")?;
        tracing::info!(from = %from.display(), "backup restored");
        return Ok(());
    }
    let store = Store::connect(&url).await.with_context(|| format!("opening {}", redact_url(&url)))?;
    store.migrate().await.context("migrating the database")?;

    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Migrate => {
            tracing::info!(backend = store.backend().name(), "migrations applied");
        }
        Command::Seed => {
            let centres = seed::seed_demo_data(&store).await?;
            tracing::info!(centres, "demo data loaded");
        }
        Command::SafeguardingLead { email, off } => {
            let user = store.user_by_email(&email.trim().to_lowercase()).await?.context("no such account")?;
            anyhow::ensure!(
                store.set_safeguarding_lead(user.id, !off).await?,
                "only a NACCC administrator can be a safeguarding lead"
            );
            let event = server::store::AuditEvent {
                actor: server::store::Actor::System,
                action: "account.safeguarding_lead",
                object: Some(format!("user:{}", user.id)),
                outcome: server::store::Outcome::Ok,
                detail: if off { "off".into() } else { "on".into() },
            };
            store.record(&event, time::OffsetDateTime::now_utc().unix_timestamp()).await?;
            println!("{} is {} a safeguarding lead", user.email, if off { "no longer" } else { "now" });
        }
        // Done above, before the database was opened.
        Command::Backup { .. } | Command::Restore { .. } => {}
        Command::Serve(args) => serve(store, &url, &cli.database.data_dir, args).await?,
    }
    Ok(())
}

async fn serve(store: Store, url: &str, data_dir: &std::path::Path, args: ServeArgs) -> anyhow::Result<()> {
    let key_file = data_dir.join("keys").join("data.key");
    let key_source = if args.data_key.is_some() { "NACCC_DATA_KEY".to_owned() } else { key_file.display().to_string() };
    let cipher = FieldCipher::load(args.data_key.as_ref().map(|k| k.expose()), &key_file, args.demo)
        .with_context(|| format!("loading the data key ({key_source})"))?;
    let clock: std::sync::Arc<dyn app::ports::Clock> = std::sync::Arc::new(server::platform::clock::SystemClock);
    let mut demo_logins = Vec::new();
    if args.demo {
        let centres = seed::seed_demo_data(&store).await?;
        tracing::info!(centres, "demo data loaded");
        let accounts = server::staff::accounts::AccountService {
            store: store.clone(),
            cipher: cipher.clone(),
            clock: clock.clone(),
            back_off: server::staff::accounts::back_off,
            public_url: "".into(),
            mail_by_smtp: args.smtp_url.is_some(),
            demo_logins: true,
        };
        let centre = seed::demo_staff_centre().context("no demo centre takes online referrals")?;
        demo_logins = server::seed::staff::seed_demo_users(&accounts, &centre).await?;
        let schedule = shared::returns::Schedule { due_days: args.return_due_days, grace_days: args.return_grace_days };
        let directory: Vec<shared::Centre> = seed::demo_centres().into_iter().map(|p| p.centre).collect();
        let returns = seed::returns::seed_returns(&store, &directory, clock.today(), schedule, Some(&centre)).await?;
        tracing::info!(returns, "demo returns loaded");
        seed::returns::seed_questions(&store, clock.today(), clock.now()).await?;
        // The demo administrator gives safeguarding advice too.
        if let Some(admin) = store.user_by_email("naccc.admin@demo.naccc.org.uk").await? {
            store.set_safeguarding_lead(admin.id, true).await?;
        }
        let assessor = store.user_by_email("assessor@demo.naccc.org.uk").await?.map(|u| u.id);
        let cases =
            seed::accreditation::seed_cases(&store, &directory, &centre, assessor, clock.today(), clock.now()).await?;
        tracing::info!(cases, "demo accreditation cases loaded");
        seed::board::seed_board(&store, &directory, clock.today(), clock.now()).await?;
    }
    let mut leptos_options = get_configuration(None)?.leptos_options;
    // `cargo leptos build` hashes the file names and writes their hashes beside this binary; the
    // binary is started directly (scripts/run, the browser tests), so it looks for itself.
    if !leptos_options.hash_files {
        leptos_options.hash_files =
            server::web::static_files::hash_file_beside_binary(&leptos_options).is_some_and(|path| path.exists());
    }
    if let Some(addr) = args.addr {
        leptos_options.site_addr = addr;
    }
    let addr = leptos_options.site_addr;
    let public_url = args.public_url.clone().unwrap_or_else(|| format!("http://{addr}"));

    // The configuration, without secrets.
    let centres = store.count_centres().await?;
    println!("NACCC Contact Hub");
    println!("  database:  {} ({})", redact_url(url), store.backend().name());
    println!("  centres:   {centres}");
    println!("  site root: {}", leptos_options.site_root);
    println!("  data key:  {key_source}");
    println!("  demo mode: {}", if args.demo { "on" } else { "off" });
    println!(
        "  mail:      {}",
        if args.smtp_url.is_some() { "sent by SMTP" } else { "kept in the outbox (/admin/outbox)" }
    );
    if args.demo {
        println!("  demo logins (demo mode only; every account has the same password and authenticator key):");
        for (role, email) in &demo_logins {
            println!("    {:<22} {email}", role.label());
        }
        println!("    password:          {}", server::staff::accounts::DEMO_PASSWORD);
        println!(
            "    authenticator key: {} (add it to an authenticator app, or: oathtool --totp -b {})",
            server::staff::accounts::DEMO_TOTP_SECRET_BASE32,
            server::staff::accounts::DEMO_TOTP_SECRET_BASE32
        );
    }
    println!("  listening: http://{addr} (links in emails: {public_url})");

    let sessions = store.session_store()?;
    let changes = server::cases::news::CaseChanges::new(store.clone());
    let case_listener = changes.spawn_listener();
    let edge = server::web::edge::Edge::new(
        args.trusted_proxies,
        server::web::edge::public_quota(args.public_calls_per_minute),
    );
    let evidence = match &args.evidence_bucket {
        Some(bucket) => server::accreditation::evidence::EvidenceStore::s3(bucket)?,
        None => server::accreditation::evidence::EvidenceStore::local(&data_dir.join("evidence"))?,
    };
    let renewal_cycle = shared::accreditation::dates::RenewalCycle::from_months(args.renewal_cycle_months)
        .map_err(|e| anyhow::anyhow!("NACCC_RENEWAL_CYCLE_MONTHS: {e}"))?;
    let upkeep = server::accreditation::reminders::spawn_upkeep(
        server::accreditation::AccreditationService {
            store: store.clone(),
            clock: clock.clone(),
            cycle: renewal_cycle,
            evidence: evidence.clone(),
        },
        public_url.to_string(),
    );
    let app = router(AppState {
        leptos_options,
        store: store.clone(),
        cipher: cipher.clone(),
        clock: clock.clone(),
        sessions: sessions.clone(),
        back_off: server::staff::accounts::back_off,
        edge: edge.clone(),
        public_url: public_url.as_str().into(),
        mail_by_smtp: args.smtp_url.is_some(),
        demo_logins: args.demo,
        changes,
        live_recheck: server::web::live_stream::RECHECK_EVERY,
        returns_schedule: shared::returns::Schedule {
            due_days: args.return_due_days,
            grace_days: args.return_grace_days,
        },
        evidence,
        renewal_cycle,
        retention: shared::durations::Lifetime::days(i64::from(args.retention_days)),
    });
    let board = server::board::BoardService { store: store.clone(), clock: clock.clone() };
    let board_ahead = tokio::spawn(async move { board.warm().await });
    let purge = jobs::spawn_draft_purge(store.clone(), clock.clone());
    let session_purge = jobs::spawn_session_purge(sessions);
    let forget_idle = jobs::spawn_rate_limit_upkeep(edge);
    let retention = server::cases::retention::spawn_retention(store.clone(), clock.clone(), args.retention_days);
    let mail = match &args.smtp_url {
        Some(url) => {
            let from: lettre::message::Mailbox =
                args.mail_from.parse().with_context(|| format!("NACCC_MAIL_FROM {:?}", args.mail_from))?;
            let transport = server::platform::mail::transport(url.expose())?;
            Some(server::platform::mail::spawn_delivery(store.clone(), cipher.clone(), transport, from, clock.clone()))
        }
        None => None,
    };
    // TCP_NODELAY: a response goes out as it is written. Without it, a small response on a
    // kept-alive connection waits for the client's delayed ACK (Nagle): ~44 ms per static file.
    let listener = axum::serve::ListenerExt::tap_io(
        tokio::net::TcpListener::bind(addr).await.with_context(|| format!("binding {addr}"))?,
        |tcp| {
            if let Err(error) = tcp.set_nodelay(true) {
                tracing::debug!(%error, "could not set TCP_NODELAY on a connection");
            }
        },
    );
    axum::serve(listener, app.into_make_service_with_connect_info::<std::net::SocketAddr>())
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    board_ahead.abort();
    purge.abort();
    session_purge.abort();
    forget_idle.abort();
    retention.abort();
    upkeep.abort();
    if let Some(mail) = mail {
        mail.abort();
    }
    if let Some(listener) = case_listener {
        listener.abort();
    }
    store.close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM so in-flight requests finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
