"""`fact-trainer new ID`: a commented starter scenario that validates and plays."""

from __future__ import annotations

STARTER = '''\
#:schema ../docs/scenario.schema.json
# A new FACT Trainer level. Check it with:   fact-trainer validate {path}
# Try it with the reference players:       fact-trainer balance {path}
# Every key is explained in docs/authoring.md.

id = "{id}"
title = "{title}"
difficulty = "easy"                  # tutorial, easy, medium, hard or expert
teaches = ["F as the base, A as the amplifier"]
turns = 8                            # weeks
budget = 60000                       # yuan per turn, or a list with one amount per turn
seed = 1                             # the market's luck; a workshop can set its own
briefing = """
# {title}

Who the brand is, what the market is like this season, and what the player must achieve.
"""

[brand]
name = "My Brand"
category = "snacks"                  # KOLs of the same category fit better
tone = "playful"                     # ...and of the same tone
price = 59                           # average order value at list price, yuan
margin = 45                          # gross margin, percent
fans = 1000
strengths = {{ content = 40, brand = 35, product = 55, price = 50 }}

[market]
gpm_benchmark = 280                  # the category GPM the recommender compares the store with

[[events]]
name = "Snack Festival"
turns = [6]
traffic = 2.5                        # campaign reach multiplier in the event
competition = 0.5                    # 0 to 1: how much price strength decides the campaign

[[kols]]
id = "snack-sister"
name = "Snack Sister"
fee = 40000                          # yuan for a standard slot
audience = 400000                    # impressions a standard slot brings
categories = ["snacks", "food"]
tone = "playful"
commission = 20                      # percent of the GMV the KOL sells

[creators]
count = 20
commission = [10, 30]                # the range a player may offer, percent
default_commission = 15

[[objectives]]
metric = "gmv"
label = "GMV over eight weeks"
stars = [1500000, 2000000, 2500000]
weight = 2

[[objectives]]
metric = "rating"
stars = [4.3, 4.6, 4.8]

[[lessons]]
text = "A balanced FACT portfolio beats going all-in on self-broadcast"
better = "balanced"
worse = "all_in_field"

[[lessons]]                           # proven against the best plan: fact-trainer balance {path} --lessons
text = "F is the base: without a live room even the best plan scores clearly less"
remove = "field"
margin = 0.05
'''


def starter(scenario_id: str, path: str) -> str:
    """The text of a starter scenario with this id."""
    title = scenario_id.replace("-", " ").replace("_", " ").capitalize()
    return STARTER.format(id=scenario_id, title=title, path=path)
