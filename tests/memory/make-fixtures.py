#!/usr/bin/env python3
"""Writes the "already read" fixture pages (tests/memory/*.html) from paragraphs of one real
page of the corpus (../shared/data/pages/trafilatura-news/bbc.com.52241221-44dbe5, BBC News,
10 April 2020), copied here so the tests need no ../shared:

  wire-a.html    the story as first read (site A)
  wire-b.html    the same story syndicated by another site: other title, chrome and intro,
                 two paragraphs lightly edited (must fold as read before)
  followup.html  a follow-up: new paragraphs plus two background paragraphs of wire-a
  lookalike.html a templated daily update with other numbers and places (must not fold)
  boiler-N.html  three pages of one site sharing a newsletter blurb (site boilerplate)
"""
import html

P = [
    "Images have emerged of coffins being buried in a mass grave in New York City, as the death toll from the coronavirus continues to rise.",
    "Officials say burials are being ramped up at site, which has long been used for people with no next-of-kin or families who cannot afford a funeral.",
    "The drone footage comes from Hart Island, off the Bronx in Long Island Sound, which has been used for more than 150 years by city officials as a mass burial site for those with no next-of-kin, or families who cannot afford funerals.",
    "But burial operations have increased from one day a week to five days a week, with around 24 burials each day, said Department of Correction spokesman Jason Kersten.",
    "Prisoners from Rikers Island, the city's main jail complex, usually do the job, but the rising workload has recently been taken over by contractors.",
    "It is not clear how many of the dead have no next-of-kin or could not afford a funeral. However, the city has cut the amount of time it will hold unclaimed remains amid pressure on morgue space.",
    "The daily rise in coronavirus deaths announced in New York state on Friday was 777 - down slightly from the record high of 799 the day before.",
]
NEW = [
    "Dr Anthony Fauci, a key member of the White House's coronavirus task force, told NBC News' Today show the final number of Americans who would die from Covid-19 in the outbreak \"looks more like 60,000\".",
    "New data on Thursday showed unemployment claims had topped 6 million for the second week in a row, bringing the number of Americans out of work over the last three weeks to 16.8 million.",
    "Chicago, meanwhile, imposed a curfew on alcohol sales from 21:00 local time on Thursday to stop the persistent violation of a ban on large gatherings.",
]
BLURB = "Sign up for our morning newsletter and get the day's most important stories from around the world delivered to your inbox before breakfast, free of charge."


def page(title, site, date, paras, extra=""):
    body = "\n".join(f"      <p>{html.escape(p)}</p>" for p in paras)
    return f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{html.escape(title)} | {site}</title>
  <meta property="article:published_time" content="{date}">
</head>
<body>
  <header><a href="/">{site}</a> <nav><a href="/world">World</a> <a href="/us">US</a></nav></header>
  <main>
    <article>
      <h1>{html.escape(title)}</h1>
      <p class="byline">By staff writers</p>
{body}
{extra}    </article>
  </main>
  <footer>© {site}</footer>
</body>
</html>
"""


def write(name, text):
    with open(name, "w", encoding="utf-8") as f:
        f.write(text)


write("wire-a.html", page("Coronavirus: New York buries unclaimed dead in mass graves", "Daily Wire A", "2020-04-10T09:00:00Z", P))
b = list(P)
b[2] = b[2].replace("more than 150 years", "over 150 years")
b[4] = b[4].replace("usually do the job", "normally do the job")
write("wire-b.html", page("Mass graves dug on Hart Island as New York deaths climb", "The Evening Post", "2020-04-10T14:00:00Z",
                          ["Aerial images published on Friday show workers in protective suits lowering coffins into a long trench on an island east of the Bronx."] + b[1:]))
write("followup.html", page("Fauci says US death toll may be lower than feared", "Daily Wire A", "2020-04-11T08:00:00Z",
                            NEW[:2] + [P[2], P[3]] + NEW[2:]))
write("lookalike.html", page("Daily update: New Jersey", "Daily Wire A", "2020-04-12T08:00:00Z",
                             ["The daily rise in coronavirus deaths announced in New Jersey state on Saturday was 251 - down slightly from the record high of 275 the day before.",
                              NEW[2]]))
for i in range(4):
    write(f"boiler-{i}.html", page(f"Local story {i}", "Town Crier", "2020-04-1%dT08:00:00Z" % i,
                                   [NEW[i % 3], BLURB]))
