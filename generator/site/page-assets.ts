// The download page's inline CSS and script: no external assets, so the page works from any static host,
// from a file:// folder and offline. Kept apart from the markup so each file holds one idea.

/** Mobile-first styles; light and dark schemes both keep text contrast at 7:1 or better (AA needs 4.5:1). */
export const PAGE_CSS = `
:root{color-scheme:light dark;--bg:#f6f4ef;--card:#ffffff;--text:#1b2228;--muted:#4a5561;--accent:#0d5c58;--accent-bg:#e3f1ef;
--line:#d9d6cf;--warn-bg:#fff3e0;--warn-line:#b45309;--warn-text:#3d2408;--focus:#1d4ed8}
@media (prefers-color-scheme:dark){:root{--bg:#11161a;--card:#1a2127;--text:#e9eef1;--muted:#b4bfc8;--accent:#7fd6cb;
--accent-bg:#17312f;--line:#2e3942;--warn-bg:#2b2116;--warn-line:#f59e0b;--warn-text:#fbe9d2;--focus:#93c5fd}}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;scroll-behavior:smooth}
body{margin:0;background:var(--bg);color:var(--text);font:1.0625rem/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
.wrap{max-width:44rem;margin:0 auto;padding:0 1rem}
a{color:var(--accent);text-underline-offset:.18em}
a:focus-visible,audio:focus-visible,main:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:4px}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:.5rem;top:-4rem;background:var(--card);color:var(--text);padding:.6rem 1rem;border-radius:6px;z-index:2}
.skip:focus{top:.5rem}
.site{background:var(--accent-bg);border-bottom:1px solid var(--line);padding:1rem 0}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 .4rem}
.lede{margin:0;color:var(--muted)}
.jump{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem;margin:.6rem 0 0;padding:0}
.jump a{display:inline-flex;align-items:center;min-height:44px;padding:0 .7rem;border:1px solid var(--accent);border-radius:999px;
background:var(--card);text-decoration:none;font-weight:600;font-size:.9rem}
.jump a:hover{background:var(--accent-bg)}
h2{font-size:1.3rem;margin:1.25rem 0 .6rem;scroll-margin-top:1rem}
h3{font-size:1.15rem;line-height:1.3;margin:0}
h4{font-size:.95rem;color:var(--muted);margin:1rem 0 .25rem}
main{outline:none}
.safety{background:var(--warn-bg);color:var(--warn-text);border:1px solid var(--warn-line);border-left-width:6px;border-radius:10px;
padding:.15rem .9rem .35rem;margin:1rem 0 0;font-size:.95rem;line-height:1.45}
.safety h2{margin:.45rem 0 .2rem;font-size:1.05rem}
.safety ul{margin:.2rem 0;padding-left:1.1rem}
.safety li{margin:.15rem 0}
.sessions{list-style:none;margin:0;padding:0;display:grid;gap:1rem}
.session{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:1rem}
.meta{margin:.2rem 0 .5rem;color:var(--muted);font-size:.95rem;font-variant-numeric:tabular-nums}
.desc{margin:.25rem 0 .75rem}
audio{display:block;width:100%;min-height:54px;margin:.5rem 0 0}
.chapters{list-style:none;margin:0;padding:0;border-top:1px solid var(--line)}
.chapters li{border-bottom:1px solid var(--line)}
.chapters a{display:flex;justify-content:space-between;align-items:center;gap:1rem;min-height:44px;padding:.35rem .4rem .35rem .65rem;
text-decoration:none;color:var(--text);border-radius:6px}
.chapters a:hover{background:var(--accent-bg)}
.chapters a[aria-current="true"]{background:var(--accent-bg);font-weight:600;box-shadow:inset 4px 0 0 var(--accent)}
.ch-time{color:var(--muted);font-variant-numeric:tabular-nums;white-space:nowrap}
.ch-title{text-decoration:underline;text-decoration-color:var(--line);text-underline-offset:.18em}
.download{display:inline-flex;align-items:center;gap:.4rem;min-height:44px;margin-top:.75rem;padding:.5rem 1rem;border-radius:999px;
background:var(--accent);color:var(--card);font-weight:600;text-decoration:none}
.download:hover{filter:brightness(1.1)}
.download .size{font-weight:400;opacity:.9}
.about{margin:.1rem 0 .4rem}
.paces{display:grid;grid-template-columns:repeat(auto-fit,minmax(5.5rem,1fr));border:1px solid var(--accent);border-radius:10px;
margin:.35rem 0 0;padding:0;min-width:0;overflow:hidden}
.paces legend{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.paces label{display:flex;flex-direction:column;justify-content:center;align-items:center;min-height:44px;padding:.2rem .3rem;
cursor:pointer;font-size:.9rem;line-height:1.2;text-align:center;position:relative}
.paces label+label{border-left:1px solid var(--line)}
.paces label:has(input:checked){background:var(--accent);color:var(--card);font-weight:600}
.paces label:has(input:checked) .pace-time{color:var(--card)}
.paces label:has(input:focus-visible){outline:3px solid var(--focus);outline-offset:-3px}
.paces input{position:absolute;inset:0;opacity:0;width:100%;height:100%;margin:0;cursor:pointer}
.pace-time{color:var(--muted);font-weight:400;font-variant-numeric:tabular-nums}
.pace-panel .meta{margin:.35rem 0 0}
.steps{margin:.5rem 0 0}
.steps summary{cursor:pointer;min-height:44px;display:flex;align-items:center;font-weight:600;color:var(--accent)}
.steps summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:4px}
.steps ol{margin:.25rem 0 .5rem;padding-left:1.4rem}
.steps li{margin:.25rem 0}
.steps .pause{color:var(--muted)}
.files{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem;margin:0}
.transcript{display:inline-flex;align-items:center;min-height:44px;margin-top:.75rem}
.tip{margin:1rem 0 0;padding:.6rem .9rem;border-left:4px solid var(--accent);background:var(--card);border-radius:6px;font-size:.95rem}
ol.sessions{list-style:none}
footer{margin:2.5rem 0 0;padding:1.25rem 0 2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.95rem}
@media (min-width:40rem){h1{font-size:2.1rem}.session{padding:1.25rem 1.5rem}}
@media (prefers-reduced-motion:reduce){html{scroll-behavior:auto}*,*::before,*::after{transition:none!important;animation:none!important}}
`;

/**
 * Progressive enhancement: chapter links are plain `file.mp3#t=SECONDS` links (they work without JS);
 * with JS a click seeks the page's own player and plays. Starting one player pauses the others, choosing
 * another pace pauses the card's players, and the chapter being heard is marked with aria-current.
 */
export const PAGE_SCRIPT = `
(function(){
  document.addEventListener("click",function(e){
    if(e.defaultPrevented||e.button!==0||e.metaKey||e.ctrlKey||e.shiftKey||e.altKey)return;
    var link=e.target.closest&&e.target.closest("a[data-start]");
    if(!link)return;
    var audio=document.getElementById(link.getAttribute("data-audio"));
    if(!audio||typeof audio.play!=="function")return;
    e.preventDefault();
    audio.currentTime=Number(link.getAttribute("data-start"));
    var started=audio.play();
    if(started&&started.catch)started.catch(function(){});
  });
  document.addEventListener("change",function(e){
    var input=e.target;
    if(!input.matches||!input.matches(".paces input"))return;
    var card=input.closest(".session");
    if(card)card.querySelectorAll("audio").forEach(function(a){a.pause();});
  });
  document.addEventListener("play",function(e){
    document.querySelectorAll("audio").forEach(function(other){if(other!==e.target)other.pause();});
  },true);
  document.addEventListener("timeupdate",function(e){
    var audio=e.target,t=audio.currentTime;
    document.querySelectorAll('a[data-audio="'+audio.id+'"]').forEach(function(link){
      var on=t>=Number(link.getAttribute("data-start"))&&t<Number(link.getAttribute("data-end"));
      if(on)link.setAttribute("aria-current","true");else link.removeAttribute("aria-current");
    });
  },true);
})();
`;
