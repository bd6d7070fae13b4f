"""Stories: events and figures of different documents that describe one incident, and
what each source says about it (see :mod:`.cluster` and :mod:`.table`)."""

from .cluster import ClusterSettings, assign_stories, rebuild_stories
from .table import StoryTable, list_stories, story_table

__all__ = ["ClusterSettings", "StoryTable", "assign_stories", "list_stories",
           "rebuild_stories", "story_table"]
