"""Blocks whose admin texts follow each person's admin language (see translations/chooser_texts.py)."""

from django.utils.functional import cached_property

from wagtail import blocks


class PageChooserBlock(blocks.PageChooserBlock):
    """Wagtail's page chooser block; limited to one page type, its "Choose a page (type)" button
    is worked out when shown instead of once per process. Migrations record it as Wagtail's own."""

    @cached_property
    def widget(self):
        from .chooser_texts import PageChooser  # the admin's widgets, not loaded with the models

        return PageChooser(target_models=self.target_models, can_choose_root=self.can_choose_root)


#: Migrations record the block as Wagtail's (``Block.canonical_module_path`` reads this).
DECONSTRUCT_ALIASES = {PageChooserBlock: "wagtail.blocks.PageChooserBlock"}
