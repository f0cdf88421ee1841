extension HTMLReportWriter {
  /// The page's one style sheet: a sans-serif frame around serif article text, displaCy-like
  /// entity chips, figures underlined, the words of a claim without a figure underlined with a
  /// dashed line, verdict badges in traffic-light colours, and the charts' palette. Inline (the
  /// page loads nothing), allowed by the CSP's `style-src`.
  static let styleSheet = """
    :root {
      --ink: #1f2328; --muted: #59636e; --rule: #d1d9e0; --paper: #ffffff; --wash: #f6f8fa;
      --accent: #0b5cad;
      --person: #aa9cfc; --party: #f7a8cf; --place: #feca74; --place-adj: #b4e4c9;
      --org: #7aecec; --other: #dde1e6;
      --accurate: #1a7f37; --accurate-rounded: #2f8f83; --inaccurate: #cf222e;
      --unverifiable: #9a6700; --not-election-result: #6e7781;
      --figure: #0b5cad; --figure-wash: #e7f0fb;
    }
    * { box-sizing: border-box; }
    html { background: var(--wash); }
    body {
      margin: 0; color: var(--ink); background: var(--wash);
      font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Helvetica Neue", Arial,
        "Liberation Sans", "DejaVu Sans", sans-serif;
    }
    .wrap { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
    a { color: var(--accent); }
    h1, h2, h3 { line-height: 1.25; margin: 0; }
    .masthead { background: #13233a; color: #fff; padding: 26px 0 22px; }
    .masthead .brand {
      margin: 0 0 4px; font-size: 12px; font-weight: 700; letter-spacing: .14em;
      text-transform: uppercase; color: #9fb7d6;
    }
    .masthead h1 { font-size: 28px; font-weight: 650; }
    .masthead .lede { margin: 6px 0 0; color: #c9d6e6; }
    main { padding: 24px 0 40px; }
    section, article.doc {
      background: var(--paper); border: 1px solid var(--rule); border-radius: 10px;
      padding: 22px 26px; margin: 0 0 22px;
    }
    section > h2 { font-size: 20px; margin-bottom: 14px; }
    .stats { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 18px; }
    .stat {
      flex: 1 1 130px; border: 1px solid var(--rule); border-radius: 8px; padding: 10px 14px;
      background: var(--wash);
    }
    .stat .n { display: block; font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
    .stat .k { color: var(--muted); font-size: 13px; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(460px, 1fr)); gap: 16px; }
    .card { margin: 0; border: 1px solid var(--rule); border-radius: 8px; padding: 12px 14px 8px; }
    .card figcaption { font-weight: 650; margin-bottom: 8px; }
    .card .empty { margin: 6px 0 10px; }
    .card .legend { margin: 8px 0 4px; }
    svg.chart { display: block; max-width: 100%; height: auto; font-size: 13px; }
    svg.chart .label { fill: var(--ink); }
    svg.chart .value { fill: var(--ink); font-weight: 650; font-variant-numeric: tabular-nums; }
    svg.chart .note { fill: var(--muted); font-weight: 400; }
    .fill-person { fill: var(--person); } .fill-party { fill: var(--party); }
    .fill-place { fill: var(--place); } .fill-place-adj { fill: var(--place-adj); }
    .fill-org { fill: var(--org); } .fill-other { fill: var(--other); }
    .fill-theme { fill: #8fb3de; } .fill-kind { fill: #9cc7b4; }
    .fill-accurate { fill: var(--accurate); } .fill-accurate-rounded { fill: var(--accurate-rounded); }
    .fill-inaccurate { fill: var(--inaccurate); } .fill-unverifiable { fill: var(--unverifiable); }
    .fill-not-election-result { fill: var(--not-election-result); }
    .empty { color: var(--muted); font-style: italic; }
    .toc { margin-top: 22px; }
    .toc h3 { font-size: 16px; margin-bottom: 6px; }
    .toc ol { margin: 0; padding-left: 22px; }
    .toc li { margin: 4px 0; }
    .toc .counts { color: var(--muted); font-size: 13px; margin-left: 6px; }
    .errors li { margin: 4px 0; }
    code, .mono {
      font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono",
        "DejaVu Sans Mono", monospace; font-size: 12.5px;
    }
    article.doc > header { border-bottom: 1px solid var(--rule); padding-bottom: 14px; margin-bottom: 18px; }
    .doc-id { margin: 0 0 4px; color: var(--muted); font-size: 13px; }
    article.doc h2 { font-size: 22px; }
    .byline, .doc-stats { margin: 6px 0 0; color: var(--muted); }
    .themes { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; padding: 0; margin: 10px 0 0; }
    .themes li {
      border: 1px solid #b9cde6; background: #eef4fb; border-radius: 999px; padding: 1px 10px;
      font-size: 13px;
    }
    .themes li .score { color: var(--muted); margin-left: 4px; font-variant-numeric: tabular-nums; }
    .doc-body { display: grid; grid-template-columns: minmax(0, 1fr) 400px; gap: 28px; }
    @media (max-width: 980px) { .doc-body { grid-template-columns: minmax(0, 1fr); } }
    .legend { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; margin: 0 0 12px;
      font-size: 13px; color: var(--muted); }
    .text {
      font-family: Charter, "Iowan Old Style", Georgia, Cambria, "Liberation Serif",
        "DejaVu Serif", serif;
      font-size: 17px; line-height: 1.75; max-width: 44em;
    }
    .text p { margin: 0 0 1em; }
    mark.ent {
      color: var(--ink); padding: .12em .4em; margin: 0 .1em; border-radius: .35em;
      line-height: 1; box-decoration-break: clone; -webkit-box-decoration-break: clone;
      background: var(--other);
    }
    mark.ent .tag {
      font: 700 10px/1 system-ui, -apple-system, "Segoe UI", Arial, "Liberation Sans", sans-serif;
      letter-spacing: .05em; text-transform: uppercase; vertical-align: middle;
      margin-left: .45em; opacity: .72;
    }
    .legend mark.ent { font-size: 13px; }
    mark.person { background: var(--person); } mark.party { background: var(--party); }
    mark.place { background: var(--place); } mark.place-adj { background: var(--place-adj); }
    mark.org { background: var(--org); }
    .fig {
      color: inherit; text-decoration: none; background: var(--figure-wash);
      border-bottom: 2px solid var(--figure); padding: 0 .1em; font-variant-numeric: tabular-nums;
    }
    a.fig:hover { background: #d3e3f8; }
    .fig.v-accurate { border-color: var(--accurate); background: #e6f4ea; }
    .fig.v-accurate-rounded { border-color: var(--accurate-rounded); background: #e3f3f0; }
    .fig.v-inaccurate { border-color: var(--inaccurate); background: #fde8ea; }
    .fig.v-unverifiable { border-color: var(--unverifiable); background: #fbf1dc; }
    .fig.v-not-election-result { border-color: var(--not-election-result); background: #eef0f2; }
    .key {
      border-bottom: 2px dashed var(--not-election-result); padding-bottom: .3em;
      box-decoration-break: clone; -webkit-box-decoration-break: clone;
    }
    .key.v-accurate { border-bottom-color: var(--accurate); }
    .key.v-accurate-rounded { border-bottom-color: var(--accurate-rounded); }
    .key.v-inaccurate { border-bottom-color: var(--inaccurate); }
    .key.v-unverifiable { border-bottom-color: var(--unverifiable); }
    a.vb { text-decoration: none; }
    a.vb:hover { text-decoration: underline; }
    .badge, .vb {
      display: inline-block; color: #fff; border-radius: 999px; font: 700 11px/1.6 system-ui,
        -apple-system, "Segoe UI", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
      letter-spacing: .02em; white-space: nowrap; background: var(--not-election-result);
    }
    .badge { padding: 0 9px; }
    .vb { padding: 0 6px; margin-left: .25em; vertical-align: .15em; font-size: 10px; }
    .v-accurate > .vb, .badge.v-accurate { background: var(--accurate); }
    .v-accurate-rounded > .vb, .badge.v-accurate-rounded { background: var(--accurate-rounded); }
    .v-inaccurate > .vb, .badge.v-inaccurate { background: var(--inaccurate); }
    .v-unverifiable > .vb, .badge.v-unverifiable { background: var(--unverifiable); }
    aside h3 { font-size: 15px; margin: 0 0 10px; text-transform: uppercase; letter-spacing: .06em;
      color: var(--muted); }
    aside h3 + * { margin-top: 0; }
    aside .block { margin-bottom: 22px; }
    details.claim { border: 1px solid var(--rule); border-left: 4px solid var(--not-election-result);
      border-radius: 6px; margin: 0 0 8px; background: var(--paper); }
    details.claim.v-accurate { border-left-color: var(--accurate); }
    details.claim.v-accurate-rounded { border-left-color: var(--accurate-rounded); }
    details.claim.v-inaccurate { border-left-color: var(--inaccurate); }
    details.claim.v-unverifiable { border-left-color: var(--unverifiable); }
    details.claim > summary { cursor: pointer; padding: 8px 10px; list-style-position: inside; }
    details.claim > summary .what { font-weight: 600; margin-left: 4px; }
    details.claim > summary .about { display: block; color: var(--muted); font-size: 13px; margin-top: 2px; }
    details.claim[open] > summary { border-bottom: 1px solid var(--rule); background: var(--wash); }
    .claim-body { padding: 8px 12px 10px; font-size: 14px; }
    .claim-body blockquote { margin: 0 0 8px; padding-left: 10px; border-left: 3px solid var(--rule);
      font-family: Georgia, "Liberation Serif", "DejaVu Serif", serif; color: #3b434b; }
    .claim-body dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 8px; }
    .claim-body dt { color: var(--muted); }
    .claim-body dd { margin: 0; }
    .claim-body { overflow-wrap: anywhere; }
    ol.evidence { list-style: none; margin: 8px 0 0; padding: 0; border-top: 1px solid var(--rule); }
    ol.evidence li { padding: 6px 0; border-bottom: 1px solid var(--rule); display: flex;
      flex-wrap: wrap; gap: 2px 10px; align-items: baseline; }
    ol.evidence code { color: var(--muted); flex: 1 1 auto; }
    ol.evidence .num { font-weight: 650; font-variant-numeric: tabular-nums; }
    ol.evidence .arithmetic { flex-basis: 100%; font-variant-numeric: tabular-nums; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--rule); vertical-align: top; }
    th { color: var(--muted); font-weight: 600; }
    td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .findings li { margin: 3px 0; font-size: 13px; }
    .sev { font-weight: 700; text-transform: uppercase; font-size: 11px; letter-spacing: .05em; }
    .sev-warning { color: var(--unverifiable); } .sev-error { color: var(--inaccurate); }
    .sev-note { color: var(--muted); }
    footer { color: var(--muted); font-size: 13px; padding: 0 0 30px; }
    """
}
