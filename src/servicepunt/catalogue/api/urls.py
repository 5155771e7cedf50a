from rest_framework.routers import SimpleRouter

from servicepunt.catalogue.api.views import OrganisationViewSet, ProductViewSet

router = SimpleRouter(trailing_slash=False)
router.register("products", ProductViewSet, basename="product")
router.register("organisations", OrganisationViewSet, basename="organisation")
urlpatterns = router.urls
